package org.kleline.ledger.projector.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.kleline.ledger.projector.topology.TestEvents.T0;
import static org.kleline.ledger.projector.topology.TestEvents.openWallet;
import static org.kleline.ledger.projector.topology.TestEvents.topUp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.serde.InMemorySchemaRegistry;
import org.kleline.ledger.model.serde.SchemaUnavailableException;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.projector.decide.MerchantDirectorySource;

/**
 * The projector's topology reading ledger.events through a schema registry over HTTP. Events are
 * written by another client of the same registry (as ingest is), so the projector has to fetch
 * their schema. A registry answering 503 must not make a valid event a poison record: the
 * projector fails (the stream thread is replaced and reads the record again from the last commit,
 * which the test does by piping the same bytes again), and the event gets its outcome once the
 * registry answers. A schema id the registry answers 404 for is a poison record.
 */
class RegistryOutageTest {

    @TempDir
    Path stateDir;

    private final String scope = "registry-outage-" + UUID.randomUUID();
    private RegistryStub registry;
    private ProjectorDriver driver;
    private Serializer<EventEnvelope> writer;

    @BeforeEach
    void start() throws IOException {
        registry = new RegistryStub(InMemorySchemaRegistry.forScope(scope));
        driver = new ProjectorDriver(stateDir, MerchantDirectorySource.localStore(), registry.url());
        // Ingest's side: its own client of the same registry, so the projector's client has not seen the schema.
        writer = Topics.create(Map.of("schema.registry.url", "mock://" + scope))
                .events()
                .valueSerde()
                .serializer();
    }

    @AfterEach
    void stop() {
        driver.close();
        registry.close();
        InMemorySchemaRegistry.dropScope(scope);
    }

    private void append(EventEnvelope event) {
        driver.pipeRaw(
                AggregateKey.of(event).value().getBytes(StandardCharsets.UTF_8),
                writer.serialize("ledger.events", event));
    }

    @Test
    void aValidEventReadWhileTheRegistryAnswers503IsNotDeadLetteredAndGetsItsOutcomeOnceItAnswers() {
        EventEnvelope open = openWallet("o1", "w1", "EUR", 15_000, T0);
        registry.answerUnavailable(2);

        for (int attempt = 1; attempt <= 2; attempt++) {
            Throwable failure = catchThrowable(() -> append(open));

            assertThat(failure).isInstanceOf(StreamsException.class);
            assertThat(SchemaUnavailableException.in(failure)).get().satisfies(e -> {
                assertThat(e.isTransient()).isTrue();
                assertThat(e).hasMessageContaining("HTTP 503");
            });
            assertThat(driver.outcomes()).isEmpty();
            assertThat(driver.deadLetters()).isEmpty();
            assertThat(driver.metrics().poisonRecords()).isZero();
        }

        append(open);
        append(topUp("t1", "w1", 500, T0 + 1));

        assertThat(driver.outcomes())
                .extracting(kv -> kv.key + "=" + kv.value.getOutcome())
                .containsExactly("o1=" + Outcome.ACCEPTED, "t1=" + Outcome.ACCEPTED);
        assertThat(driver.balance("wallet:w1", "EUR")).isEqualTo(500);
        assertThat(driver.deadLetters()).isEmpty();
        assertThat(driver.metrics().poisonRecords()).isZero();
        assertThat(registry.schemaByIdRequests()).isEqualTo(3);
    }

    @Test
    void aSchemaIdTheRegistryAnswers404ForIsAPoisonRecordAndProcessingGoesOn() {
        append(openWallet("o1", "w1", "EUR", 15_000, T0));
        byte[] unknownSchemaId = {0, 0, 0, 0x10, (byte) 0x92, 2, 4};

        driver.pipeRaw("wallet:w1".getBytes(StandardCharsets.UTF_8), unknownSchemaId);
        append(topUp("t1", "w1", 500, T0 + 1));

        // The dead-letter handler resumed with the record set aside; the test driver does not capture what
        // Streams sends to the dead-letter topic for it: DeadLetterHandlerTest checks that record.
        assertThat(driver.metrics().poisonRecords()).isEqualTo(1);
        assertThat(driver.outcomes())
                .extracting(kv -> kv.key + "=" + kv.value.getOutcome())
                .containsExactly("o1=" + Outcome.ACCEPTED, "t1=" + Outcome.ACCEPTED);
        assertThat(driver.balance("wallet:w1", "EUR")).isEqualTo(500);
    }
}
