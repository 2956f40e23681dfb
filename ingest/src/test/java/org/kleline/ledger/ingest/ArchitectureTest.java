package org.kleline.ledger.ingest;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The ingest module's packages are its index for a newcomer: each depends on the others one way.
 * Its main classes only, not the tests'.
 */
class ArchitectureTest {

    private static final JavaClasses INGEST = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kleline.ledger.ingest");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.kleline.ledger.ingest.(*)..")
                .should()
                .beFreeOfCycles()
                .check(INGEST);
    }
}
