package org.kleline.ledger.projector;

import org.kleline.ledger.model.architecture.ModuleArchitectureTest;

/**
 * The projector module's packages are its index for a newcomer: each depends on the others one way,
 * from the leaves ({@code errors}, {@code serde}, {@code stores}, {@code memory}) through the stages'
 * concerns ({@code views}, {@code settlement}, {@code merchants}, {@code decide}) to {@code topology},
 * which assembles them; the README names each. Its main classes only, not the tests'.
 */
class ArchitectureTest extends ModuleArchitectureTest {

    ArchitectureTest() {
        super("org.kleline.ledger.projector");
    }
}
