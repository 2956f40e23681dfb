package org.kleline.ledger.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.architecture.ModulePackages;

/**
 * The ledger-cli module's packages are its index for a newcomer: each depends on the others one way, and the README names each.
 * Its main classes only, not the tests'.
 */
class ArchitectureTest {

    private static final JavaClasses CLI = ModulePackages.mainClasses("org.kleline.ledger.cli");

    @Test
    void packagesAreFreeOfCycles() {
        ModulePackages.requireFreeOfCycles("org.kleline.ledger.cli", CLI);
    }

    @Test
    void readmeNamesEveryPackage() {
        ModulePackages.requireEachNamedInReadme("org.kleline.ledger.cli", CLI, Path.of("README.md"));
    }
}
