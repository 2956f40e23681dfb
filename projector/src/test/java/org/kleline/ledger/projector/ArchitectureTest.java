package org.kleline.ledger.projector;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The projector module's packages are its index for a newcomer: each depends on the others one way,
 * from the leaves ({@code errors}, {@code serde}, {@code stores}, {@code memory}) through the stages'
 * concerns ({@code views}, {@code settlement}, {@code merchants}, {@code decide}) to {@code topology},
 * which assembles them. Its main classes only, not the tests'.
 */
class ArchitectureTest {

    private static final JavaClasses PROJECTOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kleline.ledger.projector");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.kleline.ledger.projector.(*)..")
                .should()
                .beFreeOfCycles()
                .check(PROJECTOR);
    }
}
