package org.kleline.ledger.simulator;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The simulator module's packages are its index for a newcomer: each depends on the others one way.
 * Its main classes only, not the tests'.
 */
class ArchitectureTest {

    private static final JavaClasses SIMULATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kleline.ledger.simulator");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.kleline.ledger.simulator.(*)..")
                .should()
                .beFreeOfCycles()
                .check(SIMULATOR);
    }
}
