package vn.grassroots.membership;

import org.junit.jupiter.api.Test;
import vn.grassroots.testing.Layers;

/** The module's dependencies go one way (api, consumers → service → events, repository → domain), without cycles. */
class ArchitectureTest {
    @Test
    void layersPointOneWay() {
        Layers.check("vn.grassroots.membership");
    }
}
