package org.kleline.ledger.simulator;

import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.fixtures.ModulePackages;

/**
 * The simulator module's packages are its index for a newcomer: each depends on the others one way.
 * Its main classes only, not the tests'.
 */
class ArchitectureTest {

    @Test
    void packagesAreFreeOfCycles() {
        ModulePackages.requireFreeOfCycles(
                ModulePackages.mainClasses("org.kleline.ledger.simulator"), "org.kleline.ledger.simulator");
    }
}
