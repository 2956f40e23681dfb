package org.kleline.ledger.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {

    private static final String SCOPE = "in-memory-registry";
    private static final Schema V1 = SchemaBuilder.record("Thing")
            .namespace("test")
            .fields()
            .requiredLong("amount")
            .endRecord();
    private static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("Thing")
            .namespace("test")
            .fields()
            .requiredLong("amount")
            .name("currency")
            .type()
            .stringType()
            .stringDefault("EUR")
            .endRecord();
    private static final Schema V2_WITHOUT_DEFAULT = SchemaBuilder.record("Thing")
            .namespace("test")
            .fields()
            .requiredLong("amount")
            .requiredString("currency")
            .endRecord();

    private InMemorySchemaRegistry registry;

    @BeforeEach
    void freshScope() {
        InMemorySchemaRegistry.dropScope(SCOPE);
        registry = InMemorySchemaRegistry.forScope(SCOPE);
    }

    @Test
    void idsStartAtOneAndGrowByOne() {
        assertThat(registry.register("a-value", V1)).isEqualTo(1);
        assertThat(registry.register("a-value", V2_WITH_DEFAULT)).isEqualTo(2);
    }

    @Test
    void sameSchemaHasTheSameIdUnderEverySubjectAndItsOwnVersions() {
        registry.register("a-value", V1);
        registry.register("a-value", V2_WITH_DEFAULT);

        int id = registry.register("b-value", V2_WITH_DEFAULT);

        assertThat(id).isEqualTo(2);
        assertThat(registry.latestVersion("b-value")).isEqualTo(new RegisteredSchema("b-value", 1, 2, V2_WITH_DEFAULT));
        assertThat(registry.lookup("a-value", V2_WITH_DEFAULT))
                .isEqualTo(new RegisteredSchema("a-value", 2, 2, V2_WITH_DEFAULT));
    }

    @Test
    void registeringAgainGivesTheSameIdAndNoNewVersion() {
        registry.register("a-value", V1);
        registry.register("a-value", V2_WITH_DEFAULT);

        assertThat(registry.register("a-value", V1)).isEqualTo(1);
        assertThat(registry.latestVersion("a-value").version()).isEqualTo(2);
    }

    @Test
    void scopeIsSharedByEveryClientOfItsUrlUntilDropped() {
        registry.register("a-value", V1);

        SchemaRegistryClient sameScope = SchemaRegistryClients.create(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, InMemorySchemaRegistry.URL_PREFIX + SCOPE));
        assertThat(sameScope.schemaById(1)).isEqualTo(V1);

        InMemorySchemaRegistry.dropScope(SCOPE);
        assertThatThrownBy(() -> InMemorySchemaRegistry.forScope(SCOPE).schemaById(1))
                .isInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void schemaThatCannotReadTheLatestVersionIsRefusedAs409() {
        registry.register("a-value", V1);

        assertThatThrownBy(() -> registry.register("a-value", V2_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.registryMessage())
                            .contains("incompatible with an earlier schema for subject \"a-value\"")
                            .contains("currency");
                });
        assertThat(registry.latestVersion("a-value").version()).isEqualTo(1);
    }

    @Test
    void unknownSubjectIs40401() {
        assertThatThrownBy(() -> registry.latestVersion("nobody-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(40401);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.getMessage())
                            .contains("GET /subjects/nobody-value/versions/latest (mock://in-memory-registry)");
                });
    }

    @Test
    void unknownIdAndUnregisteredSchemaAre40403() {
        registry.register("a-value", V1);

        assertThatThrownBy(() -> registry.schemaById(99)).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(40403);
            assertThat(e.registryMessage()).isEqualTo("Schema 99 not found");
        });
        assertThatThrownBy(() -> registry.lookup("a-value", V2_WITH_DEFAULT))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(40403));
    }

    @Test
    void blankScopeIsRefused() {
        assertThatThrownBy(() -> InMemorySchemaRegistry.forUrl("mock://"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope must not be blank");
    }
}
