package vn.grassroots.meetings;

import org.junit.jupiter.api.Test;
import vn.grassroots.testing.Layers;

/** The layering of issue 17 (api → service → repository, events → domain), on the compiled classes; no Quarkus. */
class ArchitectureTest {
    @Test
    void dependenciesGoOneWay() {
        Layers.check("vn.grassroots.meetings");
    }
}
