package org.kleline.ledger.cli;

import org.kleline.ledger.model.architecture.ModuleArchitectureTest;

/**
 * The ledger-cli module's packages are its index for a newcomer: each depends on the others one way, and the README names each.
 * Its main classes only, not the tests'.
 */
class ArchitectureTest extends ModuleArchitectureTest {

    ArchitectureTest() {
        super("org.kleline.ledger.cli");
    }
}
