package org.kleline.ledger.embedded.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kleline.ledger.embedded.registry.RegistryException;
import org.kleline.ledger.embedded.registry.RegistryRefusal;

class ParsedSchemaTest {

    @Test
    void whitespaceAndKeyOrderDoNotChangeTheCanonicalForm() {
        ParsedSchema compact = ParsedSchema.parse(
                "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"amountMinor\",\"type\":\"long\"}]}");
        ParsedSchema spaced = ParsedSchema.parse("""
                { "fields" : [ { "type" : "long", "name" : "amountMinor" } ],
                  "name" : "Payment",  "type" : "record" }""");

        assertThat(spaced.canonical()).isEqualTo(compact.canonical());
        assertThat(compact.canonical())
                .isEqualTo(
                        "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"amountMinor\",\"type\":\"long\"}]}");
    }

    @Test
    void defaultsAndDocsStayInTheCanonicalForm() {
        ParsedSchema withDefault = ParsedSchema.parse("""
                {"type":"record","name":"P","doc":"a payment","fields":[{"name":"c","type":"string","default":"EUR"}]}""");
        ParsedSchema withoutDefault = ParsedSchema.parse("""
                {"type":"record","name":"P","doc":"a payment","fields":[{"name":"c","type":"string"}]}""");

        assertThat(withDefault.canonical()).contains("\"default\":\"EUR\"").contains("\"doc\":\"a payment\"");
        assertThat(withDefault.canonical()).isNotEqualTo(withoutDefault.canonical());
    }

    @Test
    void primitiveSchemasAreAccepted() {
        assertThat(ParsedSchema.parse("\"string\"").canonical()).isEqualTo("\"string\"");
    }

    @Test
    void anUnknownTypeIsAnInvalidSchemaNamingTheType() {
        assertThatThrownBy(() -> ParsedSchema.parse(
                        "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"a\",\"type\":\"Money\"}]}"))
                .isInstanceOfSatisfying(RegistryException.class, RegistryRefusal.of(42201, 422, "Money"));
    }

    @Test
    void textThatIsNotJsonIsAnInvalidSchema() {
        assertThatThrownBy(() -> ParsedSchema.parse("{not json"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    }

    @Test
    void aBlankSchemaIsAnInvalidSchema() {
        assertThatThrownBy(() -> ParsedSchema.parse("  ")).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(42201);
            assertThat(e.getMessage()).contains("empty schema");
        });
    }
}
