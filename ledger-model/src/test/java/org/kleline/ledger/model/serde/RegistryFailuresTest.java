package org.kleline.ledger.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;

/**
 * What the deserializer says when the registry does not give the writer's schema: a payload that
 * names an id the registry does not have is unreadable for good (a plain SerializationException);
 * a registry that cannot answer now, or answers in a way that needs a person, leaves the payload
 * unread but possibly valid ({@link SchemaUnavailableException}), and nothing of that is cached.
 */
class RegistryFailuresTest {

    private final String scope = "registry-failures-" + UUID.randomUUID();
    private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(scope);
    private final ScriptedRegistry scripted = new ScriptedRegistry(registry);
    private final SpecificAvroDeserializer<EventEnvelope> deserializer =
            new SpecificAvroDeserializer<>(EventEnvelope.class, scripted);

    RegistryFailuresTest() {
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
    }

    @AfterEach
    void dropScope() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    private byte[] validPayload() {
        SpecificAvroSerializer<EventEnvelope> serializer = new SpecificAvroSerializer<>(registry);
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
        return serializer.serialize("ledger.events", SampleRecords.micropaymentEnvelope());
    }

    @Test
    void aRegistryAnswering503LeavesAValidPayloadUnreadButTransientAndItIsReadOnceTheRegistryAnswers() {
        byte[] bytes = validPayload();
        scripted.failNext(new SchemaRegistryException("GET /schemas/ids/1", 503, 50301, "Service unavailable"));

        Throwable failure = catchThrowable(() -> deserializer.deserialize("ledger.events", bytes));

        assertThat(failure).isInstanceOfSatisfying(SchemaUnavailableException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.schemaId()).isEqualTo(1);
            assertThat(e)
                    .hasMessageContaining("Could not fetch schema id 1 for a payload of " + bytes.length
                            + " bytes from topic 'ledger.events'")
                    .hasMessageContaining("HTTP 503");
        });
        assertThat(deserializer.deserialize("ledger.events", bytes)).isEqualTo(SampleRecords.micropaymentEnvelope());
        assertThat(scripted.schemaByIds).hasValue(2);
    }

    @Test
    void tooManyRequestsIsTransient() {
        byte[] bytes = validPayload();
        scripted.failNext(new SchemaRegistryException("GET /schemas/ids/1", 429, 429, "Too Many Requests"));

        assertThat(SchemaUnavailableException.in(
                        catchThrowable(() -> deserializer.deserialize("ledger.events", bytes))))
                .get()
                .extracting(SchemaUnavailableException::isTransient)
                .isEqualTo(true);
    }

    @Test
    void anUnreachableRegistryIsTransient() {
        byte[] bytes = validPayload();
        scripted.failNext(new SchemaRegistryUnreachableException(
                "Schema registry unreachable: GET /schemas/ids/1", new ConnectException("Connection refused")));

        Throwable failure = catchThrowable(() -> deserializer.deserialize("ledger.events", bytes));

        assertThat(failure)
                .isInstanceOfSatisfying(
                        SchemaUnavailableException.class,
                        e -> assertThat(e.isTransient()).isTrue());
        assertThat(failure)
                .hasMessageContaining("Schema registry unreachable")
                .hasMessageContaining("the registry may answer later")
                .hasRootCauseInstanceOf(ConnectException.class);
    }

    @Test
    void aRefusalThatNeedsAPersonIsNotTransientButStillNotAboutThePayload() {
        byte[] bytes = validPayload();
        scripted.failNext(new SchemaRegistryException("GET /schemas/ids/1", 401, 40101, "Unauthorized"));
        scripted.failNext(
                new UncheckedIOException(new IOException("GET /schemas/ids/1: the registry's answer is malformed")));

        for (int i = 0; i < 2; i++) {
            Throwable failure = catchThrowable(() -> deserializer.deserialize("ledger.events", bytes));
            assertThat(failure)
                    .isInstanceOfSatisfying(
                            SchemaUnavailableException.class,
                            e -> assertThat(e.isTransient()).isFalse());
        }
        assertThat(deserializer.deserialize("ledger.events", bytes)).isEqualTo(SampleRecords.micropaymentEnvelope());
    }

    @Test
    void anIdTheRegistryDoesNotHaveIsAnUnreadablePayloadNotAnUnavailableSchema() {
        byte[] bytes = {0, 0, 0, 0x10, (byte) 0x92, 2, 4};

        Throwable failure = catchThrowable(() -> deserializer.deserialize("ledger.events", bytes));

        assertThat(failure)
                .isInstanceOf(SerializationException.class)
                .isNotInstanceOf(SchemaUnavailableException.class)
                .hasMessageContaining("Unknown schema id 4242");
        assertThat(SchemaUnavailableException.in(failure)).isEmpty();
    }

    @Test
    void aNegativeSchemaIdIsAnUnreadablePayloadAndTheRegistryIsNotAsked() {
        byte[] bytes = {0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe, 2, 4};

        Throwable failure = catchThrowable(() -> deserializer.deserialize("ledger.events", bytes));

        assertThat(failure)
                .isInstanceOf(SerializationException.class)
                .isNotInstanceOf(SchemaUnavailableException.class)
                .hasMessageContaining("Schema id -2 in a payload of 7 bytes");
        assertThat(scripted.schemaByIds).hasValue(0);
    }

    @Test
    void theUnavailableSchemaIsFoundDeepInACauseChainAndACycleEndsTheSearch() {
        SchemaUnavailableException unavailable = new SchemaUnavailableException("x", null, 3, true);
        RuntimeException wrapped = new RuntimeException("outer", new IllegalStateException("inner", unavailable));
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(SchemaUnavailableException.in(wrapped)).containsSame(unavailable);
        assertThat(SchemaUnavailableException.in(a)).isEmpty();
    }

    /** Passes every call on, except schemaById, which first throws the failures queued. */
    private static final class ScriptedRegistry implements SchemaRegistryClient {

        final AtomicInteger schemaByIds = new AtomicInteger();
        private final SchemaRegistryClient delegate;
        private final Deque<RuntimeException> failures = new ArrayDeque<>();

        ScriptedRegistry(SchemaRegistryClient delegate) {
            this.delegate = delegate;
        }

        synchronized void failNext(RuntimeException failure) {
            failures.add(failure);
        }

        @Override
        public int register(String subject, Schema schema) {
            return delegate.register(subject, schema);
        }

        @Override
        public RegisteredSchema lookup(String subject, Schema schema) {
            return delegate.lookup(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            schemaByIds.incrementAndGet();
            RuntimeException failure;
            synchronized (this) {
                failure = failures.poll();
            }
            if (failure != null) {
                throw failure;
            }
            return delegate.schemaById(id);
        }

        @Override
        public RegisteredSchema latestVersion(String subject) {
            return delegate.latestVersion(subject);
        }
    }
}
