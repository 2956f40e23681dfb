package org.kleline.ledger.embedded.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.embedded.registry.CompatibilityLevel;

class SchemaCatalogTest {

    private static final String LONG = "\"long\"";
    private static final String STRING = "\"string\"";

    private final SchemaCatalog catalog = new SchemaCatalog(CompatibilityLevel.BACKWARD);

    @Test
    void appliedVersionsAreListedInOrderWithTheirIds() {
        catalog.apply(new StoreRecord.SchemaVersion("s", 1, 1, LONG, false));
        catalog.apply(new StoreRecord.SchemaVersion("s", 2, 2, STRING, false));

        assertThat(catalog.versions("s")).extracting(StoredSchema::version).containsExactly(1, 2);
        assertThat(catalog.versions("s")).extracting(StoredSchema::id).containsExactly(1, 2);
        assertThat(catalog.versionOf("s", STRING)).map(StoredSchema::version).contains(2);
        assertThat(catalog.idOf(LONG)).contains(1);
        assertThat(catalog.highestId()).isEqualTo(2);
        assertThat(catalog.subjects()).containsExactly("s");
    }

    @Test
    void aDeletedVersionLeavesTheSubjectButKeepsItsIdAndNumber() {
        catalog.apply(new StoreRecord.SchemaVersion("s", 1, 5, LONG, false));
        catalog.apply(new StoreRecord.SchemaVersion("s", 1, 5, LONG, true));

        assertThat(catalog.versions("s")).isEmpty();
        assertThat(catalog.subjects()).isEmpty();
        assertThat(catalog.schemaById(5)).map(schema -> schema.canonical()).contains(LONG);
        assertThat(catalog.highestVersion("s")).isEqualTo(1);
    }

    @Test
    void theGlobalLevelIsTheDefaultUntilSetAndSubjectLevelsOverrideIt() {
        assertThat(catalog.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);

        catalog.apply(new StoreRecord.Config(Optional.empty(), Optional.of(CompatibilityLevel.FULL)));
        catalog.apply(new StoreRecord.Config(Optional.of("s"), Optional.of(CompatibilityLevel.NONE)));

        assertThat(catalog.globalLevel()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(catalog.effectiveLevel("s")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(catalog.effectiveLevel("other")).isEqualTo(CompatibilityLevel.FULL);

        catalog.apply(new StoreRecord.Config(Optional.of("s"), Optional.empty()));

        assertThat(catalog.subjectLevel("s")).isEmpty();
    }
}
