package org.kleline.ledger.embedded;

import org.kleline.ledger.model.architecture.ModuleArchitectureTest;

/**
 * The embedded module's packages are its index for a newcomer: each depends on the others one way, and the README names each.
 * Its main classes only, not the tests'. A slice is a package directly under the module's with all
 * below it, so {@code registry} and its {@code http}, {@code schema} and {@code store} are one: the
 * registry server, its shared types and its parts call each other both ways today.
 */
class ArchitectureTest extends ModuleArchitectureTest {

    ArchitectureTest() {
        super("org.kleline.ledger.embedded");
    }
}
