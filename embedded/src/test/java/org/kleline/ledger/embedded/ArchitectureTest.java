package org.kleline.ledger.embedded;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.architecture.ModulePackages;

/**
 * The embedded module's packages are its index for a newcomer: each depends on the others one way, and the README names each.
 * Its main classes only, not the tests'. A slice is a package directly under the module's with all
 * below it, so {@code registry} and its {@code http}, {@code schema} and {@code store} are one: the
 * registry server, its shared types and its parts call each other both ways today.
 */
class ArchitectureTest {

    private static final JavaClasses EMBEDDED = ModulePackages.mainClasses("org.kleline.ledger.embedded");

    @Test
    void packagesAreFreeOfCycles() {
        ModulePackages.requireFreeOfCycles("org.kleline.ledger.embedded", EMBEDDED);
    }

    @Test
    void readmeNamesEveryPackage() {
        ModulePackages.requireEachNamedInReadme("org.kleline.ledger.embedded", EMBEDDED, Path.of("README.md"));
    }
}
