package org.kleline.ledger.query;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.architecture.ModuleArchitectureTest;

/**
 * The query-api module's packages depend on each other one way, the README names each, and it reads
 * the projector only through the projector's one published read package. Its main classes only, not the tests'.
 */
class ArchitectureTest extends ModuleArchitectureTest {

    /** The projector's published read contract: store names, the values in them, how to read them. */
    private static final String PROJECTOR_READ_CONTRACT = "org.kleline.ledger.projector.read";

    ArchitectureTest() {
        super("org.kleline.ledger.query");
    }

    @Test
    void theProjectorIsReadOnlyThroughItsReadContract() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("org.kleline.ledger.projector..")
                        .and(not(resideInAPackage(PROJECTOR_READ_CONTRACT))))
                .as("query-api classes depend on projector classes only in " + PROJECTOR_READ_CONTRACT)
                .check(classes());
    }
}
