package vn.grassroots.evaluations;

import org.junit.jupiter.api.Test;
import vn.grassroots.testing.Layers;

/** The layering of the module (api → service → repository, events → domain), on its compiled classes. */
class ArchitectureTest {
    @Test
    void dependenciesGoOneWay() {
        Layers.check("vn.grassroots.evaluations");
    }
}
