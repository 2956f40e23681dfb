package org.kleline.ledger.cli.verify;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.serde.InMemorySchemaRegistry;
import org.kleline.ledger.model.serde.RegisteredSchema;
import org.kleline.ledger.model.serde.SchemaRegistryClient;
import org.kleline.ledger.model.serde.SchemaRegistryException;

/** A registry that fails verify is a failure to run, never a verdict of unreadable records. */
class SchemaRegistryCheckTest {

    private static final String URL = "http://registry.test:8081";
    private static final String WHERE = "ledger.journal partition 0 offset 7";

    /** A registry whose every call fails as {@code failure} says. */
    private static SchemaRegistryClient failing(RuntimeException failure) {
        return new SchemaRegistryClient() {
            @Override
            public int register(String subject, Schema schema) {
                throw failure;
            }

            @Override
            public RegisteredSchema lookup(String subject, Schema schema) {
                throw failure;
            }

            @Override
            public Schema schemaById(int id) {
                throw failure;
            }

            @Override
            public RegisteredSchema latestVersion(String subject) {
                throw failure;
            }
        };
    }

    @Test
    void aRegistryThatKnowsTheEventsSchemaPasses() {
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope("schema-registry-check-knows");
        registry.register("ledger.events-value", EventEnvelope.getClassSchema());

        assertThatCode(() -> SchemaRegistryCheck.requireKnows(registry, URL, "ledger.events"))
                .doesNotThrowAnyException();
    }

    @Test
    void aRegistryWithoutTheEventsSchemaIsNotTheLedgers() {
        InMemorySchemaRegistry empty = InMemorySchemaRegistry.forScope("schema-registry-check-empty");

        assertThatThrownBy(() -> SchemaRegistryCheck.requireKnows(empty, URL, "ledger.events"))
                .isInstanceOf(AuditFailure.class)
                .hasMessageStartingWith("the schema registry at " + URL + " has no schema ledger.events-value, though "
                        + "ledger.events holds records: is this the ledger's registry? (--schema-registry-url)");
    }

    @Test
    void aRegistryOutOfReachOrFailingIsAFailureToRun() {
        UncheckedIOException unreachable = new UncheckedIOException(new ConnectException("Connection refused"));
        assertThatThrownBy(() -> SchemaRegistryCheck.requireKnows(failing(unreachable), URL, "ledger.events"))
                .isInstanceOf(AuditFailure.class)
                .hasMessageStartingWith("the schema registry at " + URL + " did not give GET "
                        + "/subjects/ledger.events-value/versions/latest (--schema-registry-url): ");
        SchemaRegistryException serverError = new SchemaRegistryException(
                "GET /subjects/ledger.events-value/versions" + "/latest", 500, 50001, "store timed out");
        assertThatThrownBy(() -> SchemaRegistryCheck.requireKnows(failing(serverError), URL, "ledger.events"))
                .isInstanceOf(AuditFailure.class)
                .hasMessageContaining("HTTP 500, error_code 50001: store timed out");
    }

    @Test
    void aRecordWhoseSchemaTheRegistryCouldNotGiveStopsTheAudit() {
        SerializationException unreachable = new SerializationException(
                "Could not fetch schema id 3",
                new UncheckedIOException("Schema registry unreachable", new IOException("Connection refused")));

        assertThatThrownBy(() -> SchemaRegistryCheck.rethrowIfRegistryFailed(unreachable, WHERE))
                .isInstanceOf(AuditFailure.class)
                .hasMessage("the schema registry did not give the schema of the record at " + WHERE
                        + " (--schema-registry-url): Could not fetch schema id 3");
    }

    @Test
    void aRecordThatIsItselfUnreadableIsLeftToTheAudit() {
        SerializationException unknownId = new SerializationException(
                "Unknown schema id 99",
                new SchemaRegistryException(
                        "GET /schemas/ids/99", 404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found"));
        SerializationException badMagic = new SerializationException("Unknown magic byte 7");

        assertThatCode(() -> SchemaRegistryCheck.rethrowIfRegistryFailed(unknownId, WHERE))
                .doesNotThrowAnyException();
        assertThatCode(() -> SchemaRegistryCheck.rethrowIfRegistryFailed(badMagic, WHERE))
                .doesNotThrowAnyException();
    }
}
