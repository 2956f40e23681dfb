package org.kleline.ledger.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kleline.ledger.cli.CommandRun;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.model.topics.Topic;
import org.kleline.ledger.model.topics.Topics;

/**
 * {@code ledger verify} against a real broker that is not (yet) a working ledger: each way it cannot
 * run exits 2 with one line on stderr, never 1. In order: a Kafka without the ledger's topics (and
 * verify creates none on a broker that would create them on demand), the topics but no HTTP API, then
 * a record in the log and a schema registry that is not the ledger's, or failing.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyCouldNotRunIT {

    /** Port 9 (discard) is closed on loopback: a connection there is refused at once. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    private static final Duration SOON = Duration.ofSeconds(60);

    static EmbeddedLedgerInfrastructure infra;
    static Admin admin;

    @BeforeAll
    static void connect(EmbeddedLedgerInfrastructure infrastructure) {
        infra = infrastructure;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()));
    }

    @AfterAll
    static void close() {
        if (admin != null) {
            admin.close();
        }
    }

    private static CommandRun verify(String registryUrl) {
        return assertTimeoutPreemptively(SOON, () -> {
            return CommandRun.ledger(
                    "verify",
                    "--bootstrap-servers",
                    infra.bootstrapServers(),
                    "--schema-registry-url",
                    registryUrl,
                    "--api-url",
                    NOWHERE,
                    "--wait",
                    "0");
        });
    }

    private static void assertCouldNotRun(CommandRun result, String line) {
        CouldNotRun.assertCouldNotRun(result, line);
        assertThat(result.out()).doesNotContain("difference");
    }

    @Test
    @Order(1)
    void aKafkaWithoutTheLedgersTopicsExitsTwoAndIsLeftWithoutThem() throws Exception {
        CommandRun result = verify(infra.schemaRegistryUrl());

        assertCouldNotRun(
                result,
                "topic ledger.events does not exist at " + infra.bootstrapServers()
                        + " (--bootstrap-servers): is this the ledger's Kafka?");
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(Topics.EVENTS);
    }

    @Test
    @Order(2)
    void anHttpApiOutOfReachExitsTwo() throws Exception {
        admin.createTopics(List.of(
                        new NewTopic(Topics.EVENTS, 1, (short) 1),
                        new NewTopic(Topics.JOURNAL, 1, (short) 1),
                        new NewTopic(Topics.OUTCOMES, 1, (short) 1)))
                .all()
                .get(30, TimeUnit.SECONDS);

        CommandRun result = verify(infra.schemaRegistryUrl());

        assertCouldNotRun(
                result,
                "the ledger's HTTP API at " + NOWHERE + " did not answer GET /v1/trial-balance "
                        + "(is it running? --api-url)");
        assertThat(result.out()).contains("Read 0 records of ledger.events");
    }

    @Test
    @Order(3)
    void aRegistryThatIsNotTheLedgersOrFailsExitsTwoBeforeAnyRecordIsJudged() throws Exception {
        Topic<String, EventEnvelope> events = Topics.create(Map.of("schema.registry.url", infra.schemaRegistryUrl()))
                .events();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(
                props, events.keySerde().serializer(), events.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(
                            events.name(),
                            "wallet:w-1",
                            new EventEnvelope(
                                    "e-open",
                                    Instant.parse("1999-06-01T08:00:00Z"),
                                    new WalletOpened("w-1", "EUR", 15_000L),
                                    null,
                                    null)))
                    .get();
        }

        HttpServer standIn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger status = new AtomicInteger(404);
        standIn.createContext("/", exchange -> {
            byte[] body = (status.get() == 404
                            ? "{\"error_code\":40401,\"message\":\"Subject not found.\"}"
                            : "{\"error_code\":50001,\"message\":\"store timed out\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        standIn.start();
        try {
            String standInUrl = "http://127.0.0.1:" + standIn.getAddress().getPort();

            CommandRun foreign = verify(standInUrl);
            assertCouldNotRun(
                    foreign,
                    "the schema registry at " + standInUrl + " has no schema ledger.events-value, "
                            + "though ledger.events holds records: is this the ledger's registry? (--schema-registry-url)");
            assertThat(foreign.out()).doesNotContain("Read 1 records").doesNotContain("cannot be decided");

            status.set(500);
            CommandRun failing = verify(standInUrl);
            assertCouldNotRun(
                    failing,
                    "the schema registry at " + standInUrl + " did not give GET "
                            + "/subjects/ledger.events-value/versions/latest (--schema-registry-url)");
            assertThat(failing.err()).contains("HTTP 500, error_code 50001: store timed out");
        } finally {
            standIn.stop(0);
        }
    }

    @Test
    @Order(4)
    void theLedgersOwnRegistryReadsTheRecordAndOnlyTheMissingApiStopsTheAudit() {
        CommandRun result = verify(infra.schemaRegistryUrl());

        assertCouldNotRun(result, "the ledger's HTTP API at " + NOWHERE + " did not answer POST /v1/outcomes/lookup");
        assertThat(result.out()).contains("Read 1 records of ledger.events").doesNotContain("cannot be decided");
    }
}
