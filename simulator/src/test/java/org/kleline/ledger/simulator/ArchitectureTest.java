package org.kleline.ledger.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.architecture.ModulePackages;

/**
 * The simulator module's packages are its index for a newcomer: each depends on the others one way, and the README names each.
 * Its main classes only, not the tests'.
 */
class ArchitectureTest {

    private static final JavaClasses SIMULATOR = ModulePackages.mainClasses("org.kleline.ledger.simulator");

    @Test
    void packagesAreFreeOfCycles() {
        ModulePackages.requireFreeOfCycles("org.kleline.ledger.simulator", SIMULATOR);
    }

    @Test
    void readmeNamesEveryPackage() {
        ModulePackages.requireEachNamedInReadme("org.kleline.ledger.simulator", SIMULATOR, Path.of("README.md"));
    }
}
