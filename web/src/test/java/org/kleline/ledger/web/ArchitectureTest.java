package org.kleline.ledger.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.architecture.ModulePackages;

/**
 * The web module's packages are its index for a newcomer: each depends on the others one way, and the README names each.
 * Its main classes only, not the tests'.
 */
class ArchitectureTest {

    private static final JavaClasses WEB = ModulePackages.mainClasses("org.kleline.ledger.web");

    @Test
    void packagesAreFreeOfCycles() {
        ModulePackages.requireFreeOfCycles("org.kleline.ledger.web", WEB);
    }

    @Test
    void readmeNamesEveryPackage() {
        ModulePackages.requireEachNamedInReadme("org.kleline.ledger.web", WEB, Path.of("README.md"));
    }
}
