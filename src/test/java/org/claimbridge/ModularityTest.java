package org.claimbridge;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails when a feature reaches into another's internals or the features' arrows form a cycle. */
class ModularityTest {

    @Test
    void featuresKeepToTheirBoundaries() {
        ApplicationModules.of(ClaimbridgeApplication.class).verify();
    }
}
