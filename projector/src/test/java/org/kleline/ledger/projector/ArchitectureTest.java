package org.kleline.ledger.projector;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.architecture.ModulePackages;

/**
 * The projector module's packages are its index for a newcomer: each depends on the others one way,
 * from the leaves ({@code errors}, {@code serde}, {@code stores}, {@code memory}) through the stages'
 * concerns ({@code views}, {@code settlement}, {@code merchants}, {@code decide}) to {@code topology},
 * which assembles them; the README names each. Its main classes only, not the tests'.
 */
class ArchitectureTest {

    private static final JavaClasses PROJECTOR = ModulePackages.mainClasses("org.kleline.ledger.projector");

    @Test
    void packagesAreFreeOfCycles() {
        ModulePackages.requireFreeOfCycles("org.kleline.ledger.projector", PROJECTOR);
    }

    @Test
    void readmeNamesEveryPackage() {
        ModulePackages.requireEachNamedInReadme("org.kleline.ledger.projector", PROJECTOR, Path.of("README.md"));
    }
}
