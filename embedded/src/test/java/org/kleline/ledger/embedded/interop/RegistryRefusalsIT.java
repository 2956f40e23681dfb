package org.kleline.ledger.embedded.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.embedded.registry.RegistryTestAccess;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.serde.AvroSerdeConfig;
import org.kleline.ledger.model.serde.HttpSchemaRegistryClient;
import org.kleline.ledger.model.serde.SampleRecords;
import org.kleline.ledger.model.serde.SchemaRegistryException;
import org.kleline.ledger.model.serde.SpecificAvroSerializer;

/**
 * What the embedded registry refuses, as our HTTP client and serializer see it: the status, the
 * Confluent error code and the message travel into {@link SchemaRegistryException}. One broker and
 * registry for the class; each test has subjects of its own.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class RegistryRefusalsIT {

    private final String registryUrl;
    private final HttpSchemaRegistryClient client;
    private final RegistryTestAccess registry;

    RegistryRefusalsIT(EmbeddedLedgerInfrastructure infrastructure) {
        this.registryUrl = infrastructure.schemaRegistryUrl();
        this.client =
                new HttpSchemaRegistryClient(List.of(registryUrl), Duration.ofSeconds(5), Duration.ofSeconds(30), 100);
        this.registry = new RegistryTestAccess(registryUrl);
    }

    @Test
    void anIncompatibleChangeIsRefusedWith409AndTheSubjectKeepsItsOneVersion() {
        String subject = "refusals.events-value";
        int id = client.register(subject, EventEnvelope.getClassSchema());

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> client.register(subject, RefusedSchemas.envelopeWithRequiredChannel()))
                    .as("attempt %d", attempt)
                    .isInstanceOfSatisfying(SchemaRegistryException.class, refused -> {
                        assertThat(refused.httpStatus()).isEqualTo(409);
                        assertThat(refused.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                        assertThat(refused.registryMessage()).contains(subject).contains("channel");
                        assertThat(refused.getMessage())
                                .startsWith("POST /subjects/refusals.events-value/versions failed: HTTP 409");
                        assertThat(refused.isNotFound()).isFalse();
                    });
        }
        assertThat(registry.versions(subject)).containsExactly(1);
        assertThat(client.latestVersion(subject).id()).isEqualTo(id);
    }

    @Test
    void aRecordNameWithADashIsRefusedWith422AndErrorCode42201() {
        assertThatThrownBy(() -> client.register("refusals.illegal-name-value", RefusedSchemas.illegallyNamed()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, refused -> {
                    assertThat(refused.httpStatus()).isEqualTo(422);
                    assertThat(refused.errorCode()).isEqualTo(SchemaRegistryException.INVALID_SCHEMA);
                    assertThat(refused.registryMessage())
                            .startsWith("Invalid schema")
                            .contains("Ledger-Event");
                });
        assertThat(registry.status("/subjects/refusals.illegal-name-value/versions"))
                .isEqualTo(404);
    }

    @Test
    void aDefaultOfTheWrongTypeIsRefusedWith422AndErrorCode42201() {
        assertThatThrownBy(() -> client.register("refusals.bad-default-value", RefusedSchemas.defaultOfTheWrongType()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, refused -> {
                    assertThat(refused.httpStatus()).isEqualTo(422);
                    assertThat(refused.errorCode()).isEqualTo(42201);
                    assertThat(refused.registryMessage()).contains("amount");
                });
        assertThat(registry.status("/subjects/refusals.bad-default-value/versions"))
                .isEqualTo(404);
    }

    @Test
    void aSerializerWhoseSchemaTheSubjectRefusesFailsNamingTopicSubjectAndTheRegistrysAnswer() {
        String topic = "refusals.serialized";
        registry.register(
                topic + "-value", RefusedSchemas.envelopeWithNumericEventId().toString());
        SpecificAvroSerializer<EventEnvelope> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);

        assertThatThrownBy(() -> serializer.serialize(topic, SampleRecords.micropaymentEnvelope()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject refusals.serialized-value")
                .hasMessageContaining("topic 'refusals.serialized'")
                .hasMessageContaining("HTTP 409")
                .cause()
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        refused -> assertThat(refused.errorCode()).isEqualTo(409));
        assertThat(registry.versions(topic + "-value")).containsExactly(1);
    }

    @Test
    void anUnknownIdSubjectOrSchemaIsNotFoundWithConfluentsCodes() {
        String subject = "refusals.lookup-value";
        client.register(subject, EventEnvelope.getClassSchema());

        assertThatThrownBy(() -> client.schemaById(1_000_000))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                    assertThat(e.isNotFound()).isTrue();
                });
        assertThatThrownBy(() -> client.latestVersion("refusals.never-registered-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
                });
        assertThatThrownBy(() -> client.lookup(subject, RefusedSchemas.envelopeWithRequiredChannel()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                });
    }
}
