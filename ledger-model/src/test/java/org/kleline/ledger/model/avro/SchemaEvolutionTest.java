package org.kleline.ledger.model.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The evolution contract of the topics (BACKWARD, as the registry enforces): every schema in
 * {@code src/main/avro} must read data written with the schema as published in v1. The
 * published copies under {@code src/test/resources/avro-published/v1} never change; a new
 * published version gets a directory of its own.
 */
class SchemaEvolutionTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path PUBLISHED_V1 = Path.of("src/test/resources/avro-published/v1");

    private static final Map<String, Schema> CURRENT_SCHEMAS = PublishedSchemas.parseDirectory(CURRENT);
    private static final Schema WALLET_TOPPED_UP = CURRENT_SCHEMAS.get("org.kleline.ledger.events.WalletToppedUp");

    @TestFactory
    Stream<DynamicTest> currentSchemasReadDataWrittenWithPublishedV1() {
        Map<String, Schema> published = PublishedSchemas.parseDirectory(PUBLISHED_V1);
        assertThat(published).hasSize(22);
        return published.entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
                    Schema reader = CURRENT_SCHEMAS.get(entry.getKey());
                    if (reader == null) {
                        fail(entry.getKey()
                                + " was published in v1 and is gone from src/main/avro: readers of old data break");
                    }
                    assertBackwardCompatible(reader, entry.getValue(), entry.getKey());
                }));
    }

    @Test
    void addingAFieldWithoutDefaultIsCaughtAsIncompatible() {
        Schema withRequiredField = walletToppedUpWith("""
                {"name": "channel", "type": "string"}""");
        SchemaCompatibilityResult result = SchemaCompatibility.checkReaderWriterCompatibility(
                        withRequiredField, WALLET_TOPPED_UP)
                .getResult();
        assertThat(result.getCompatibility()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(describe(result)).contains("READER_FIELD_MISSING_DEFAULT").contains("channel");
    }

    @Test
    void addingAFieldWithADefaultIsBackwardCompatible() {
        Schema withOptionalField = walletToppedUpWith("""
                {"name": "channel", "type": ["null", "string"], "default": null}""");
        assertBackwardCompatible(withOptionalField, WALLET_TOPPED_UP, "WalletToppedUp");
    }

    /** WalletToppedUp's schema with one more field after its walletId and amount. */
    private static Schema walletToppedUpWith(String field) {
        return new Schema.Parser().parse("""
                {"type": "record", "name": "WalletToppedUp", "namespace": "org.kleline.ledger.events",
                 "fields": [{"name": "walletId", "type": "string"}, {"name": "amount", "type": "long"},
                            %s]}""".formatted(field));
    }

    private static void assertBackwardCompatible(Schema reader, Schema writer, String name) {
        SchemaCompatibilityResult result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult();
        if (result.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
            fail(name + " cannot read data written with its published v1 schema: " + describe(result));
        }
    }

    private static String describe(SchemaCompatibilityResult result) {
        return result.getIncompatibilities().stream()
                .map(incompatibility -> incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                        + incompatibility.getMessage())
                .collect(Collectors.joining("; "));
    }
}
