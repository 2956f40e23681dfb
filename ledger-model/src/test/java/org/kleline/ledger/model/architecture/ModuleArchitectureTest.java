package org.kleline.ledger.model.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The two checks every module's {@code ArchitectureTest} runs, written once: its packages depend on each other one
 * way ({@link ModulePackages#requireFreeOfCycles}) and its README, {@code README.md} in the module's folder, names each
 * ({@link ModulePackages#requireEachNamedInReadme}). A module's test extends this with its root package, and adds
 * its own rules over {@link #classes()}.
 *
 * <p>One instance per test class, so that the classes are imported once for all its checks, not once per check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModuleArchitectureTest {

    private final String rootPackage;
    private final JavaClasses classes;

    /** The checks over the main classes under {@code rootPackage} ({@link ModulePackages#mainClasses}). */
    protected ModuleArchitectureTest(String rootPackage) {
        this(rootPackage, ModulePackages.mainClasses(rootPackage));
    }

    /** The checks over {@code classes}, the packages counted being those directly under {@code rootPackage}. */
    protected ModuleArchitectureTest(String rootPackage, JavaClasses classes) {
        this.rootPackage = rootPackage;
        this.classes = classes;
    }

    /** The classes checked, for a module's own rules. */
    protected final JavaClasses classes() {
        return classes;
    }

    @Test
    void packagesAreFreeOfCycles() {
        ModulePackages.requireFreeOfCycles(rootPackage, classes);
    }

    @Test
    void readmeNamesEveryPackage() {
        ModulePackages.requireEachNamedInReadme(rootPackage, classes, Path.of("README.md"));
    }
}
