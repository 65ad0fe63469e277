package vn.grassroots.organization;

import org.junit.jupiter.api.Test;
import vn.grassroots.testing.Layers;

/** The layering of the service (api → service → events, repository → domain), on the compiled classes. */
class ArchitectureTest {
    @Test
    void dependenciesGoOneWay() {
        Layers.check("vn.grassroots.organization");
    }
}
