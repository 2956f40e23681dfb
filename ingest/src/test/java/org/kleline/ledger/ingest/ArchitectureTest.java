package org.kleline.ledger.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.architecture.ModulePackages;

/**
 * The ingest module's packages are its index for a newcomer: each depends on the others one way, and the README names each.
 * Its main classes only, not the tests'.
 */
class ArchitectureTest {

    private static final JavaClasses INGEST = ModulePackages.mainClasses("org.kleline.ledger.ingest");

    @Test
    void packagesAreFreeOfCycles() {
        ModulePackages.requireFreeOfCycles("org.kleline.ledger.ingest", INGEST);
    }

    @Test
    void readmeNamesEveryPackage() {
        ModulePackages.requireEachNamedInReadme("org.kleline.ledger.ingest", INGEST, Path.of("README.md"));
    }
}
