package org.kleline.ledger.model.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rule every module's {@code ArchitectureTest} starts with, in one place: the packages directly
 * under the module's root depend on each other one way, so that they read as the module's index and a
 * newcomer can learn them in order. Checked over the module's main classes, not its tests'.
 */
public final class ModulePackages {

    private ModulePackages() {}

    /** The main classes under {@code rootPackage} (the tests' left out). */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** Fails, naming each cycle and the dependencies that make it, where the packages under {@code rootPackage} form one. */
    public static void requireFreeOfCycles(String rootPackage, JavaClasses classes) {
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
