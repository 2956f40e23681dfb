package org.kleline.ledger.embedded;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The embedded module's packages are its index for a newcomer: each depends on the others one way.
 * Its main classes only, not the tests'. A slice is a package directly under the module's with all
 * below it, so {@code registry} and its {@code http}, {@code schema} and {@code store} are one: the
 * registry server, its shared types and its parts call each other both ways today.
 */
class ArchitectureTest {

    private static final JavaClasses EMBEDDED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kleline.ledger.embedded");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.kleline.ledger.embedded.(*)..")
                .should()
                .beFreeOfCycles()
                .check(EMBEDDED);
    }
}
