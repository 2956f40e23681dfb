package org.kleline.ledger.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.architecture.ModulePackages;

/**
 * The web module's packages are its index for a newcomer: each depends on the others one way.
 * Its main classes only, not the tests'.
 */
class ArchitectureTest {

    private static final JavaClasses WEB = ModulePackages.mainClasses("org.kleline.ledger.web");

    @Test
    void packagesAreFreeOfCycles() {
        ModulePackages.requireFreeOfCycles("org.kleline.ledger.web", WEB);
    }
}
