package org.kleline.ledger.query;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The query-api module's packages depend on each other one way, and it reads the projector through a
 * bounded set of the projector's packages. Its main classes only, not the tests'.
 */
class ArchitectureTest {

    /**
     * The projector packages the query API uses today, exactly (each package alone, not the ones below
     * it). To be narrowed to one published read contract of the projector.
     */
    private static final String[] PROJECTOR_PACKAGES_READ = {
        "org.kleline.ledger.projector",
        "org.kleline.ledger.projector.decide",
        "org.kleline.ledger.projector.progress",
        "org.kleline.ledger.projector.settlement",
        "org.kleline.ledger.projector.topics",
        "org.kleline.ledger.projector.stores",
        "org.kleline.ledger.projector.views",
    };

    private static final JavaClasses QUERY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kleline.ledger.query");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.kleline.ledger.query.(*)..")
                .should()
                .beFreeOfCycles()
                .check(QUERY);
    }

    @Test
    void theProjectorIsUsedOnlyThroughItsReadPackages() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("org.kleline.ledger.projector..")
                        .and(not(resideInAnyPackage(PROJECTOR_PACKAGES_READ))))
                .as("query-api classes depend on projector classes only in packages "
                        + String.join(", ", PROJECTOR_PACKAGES_READ))
                .check(QUERY);
    }
}
