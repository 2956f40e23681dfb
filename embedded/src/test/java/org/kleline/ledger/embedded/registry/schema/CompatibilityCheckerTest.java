package org.kleline.ledger.embedded.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.embedded.registry.CompatibilityLevel;

class CompatibilityCheckerTest {

    private static final Schema V1 = schema("""
            {"type":"record","name":"Payment","fields":[{"name":"amountMinor","type":"long"}]}""");
    private static final Schema V2_WITH_DEFAULT = schema("""
            {"type":"record","name":"Payment","fields":[{"name":"amountMinor","type":"long"},
             {"name":"currency","type":"string","default":"EUR"}]}""");
    private static final Schema V2_WITHOUT_DEFAULT = schema("""
            {"type":"record","name":"Payment","fields":[{"name":"amountMinor","type":"long"},
             {"name":"currency","type":"string"}]}""");

    @Test
    void addingAFieldWithADefaultIsBackwardCompatible() {
        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD, V2_WITH_DEFAULT, List.of(V1)))
                .isEmpty();
    }

    @Test
    void addingAFieldWithoutADefaultIsNotBackwardCompatible() {
        List<String> problems =
                CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD, V2_WITHOUT_DEFAULT, List.of(V1));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0))
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("currency");
    }

    @Test
    void addingAFieldWithoutADefaultIsForwardCompatibleButNotFull() {
        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.FORWARD, V2_WITHOUT_DEFAULT, List.of(V1)))
                .isEmpty();
        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.FULL, V2_WITHOUT_DEFAULT, List.of(V1)))
                .hasSize(1);
    }

    @Test
    void removingAFieldWithoutADefaultIsNotForwardCompatible() {
        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.FORWARD, V1, List.of(V2_WITHOUT_DEFAULT)))
                .singleElement()
                .asString()
                .contains("currency");
    }

    @Test
    void transitiveLevelsCheckEveryEarlierVersionAndOthersOnlyTheLatest() {
        // Data written with V2 always has a currency, data written with V1 never does.
        Schema v3WithCurrencyRequired = V2_WITHOUT_DEFAULT;
        List<Schema> history = List.of(V1, V2_WITH_DEFAULT);

        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.FORWARD, v3WithCurrencyRequired, history))
                .isEmpty();
        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD, v3WithCurrencyRequired, history))
                .isEmpty();
        assertThat(CompatibilityChecker.incompatibilities(
                        CompatibilityLevel.BACKWARD_TRANSITIVE, v3WithCurrencyRequired, history))
                .singleElement()
                .asString()
                .contains("currency");
    }

    @Test
    void noneAcceptsAnyChange() {
        Schema unrelated = schema("\"string\"");

        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.NONE, unrelated, List.of(V1)))
                .isEmpty();
    }

    @Test
    void theFirstVersionIsAlwaysCompatible() {
        assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.FULL_TRANSITIVE, V1, List.of()))
                .isEmpty();
    }

    private static Schema schema(String text) {
        return new Schema.Parser().parse(text);
    }
}
