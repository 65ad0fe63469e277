package vn.grassroots.assignments;

import org.junit.jupiter.api.Test;
import vn.grassroots.testing.Layers;

/** The layering of issue 17 on the compiled classes: api, consumers → service → events, repository → domain. */
class ArchitectureTest {
    @Test
    void dependenciesGoOneWay() {
        Layers.check("vn.grassroots.assignments");
    }
}
