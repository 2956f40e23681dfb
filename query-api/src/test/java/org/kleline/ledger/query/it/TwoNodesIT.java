package org.kleline.ledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.embedded.ports.LoopbackPorts;
import org.kleline.ledger.projector.it.BrokerFixture;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.read.StoreSources;
import org.kleline.ledger.web.json.LedgerJson;

/**
 * Two projector nodes of one application on one broker, each with its query API on its advertised
 * port: every key asked of either node gets the same exact figures, the other node's keys by
 * forwarding and the all-partition reads by gathering from both. Then one node stops: the other
 * answers 503 (never a wrong figure) until it owns every partition, then everything again.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final String APPLICATION_ID = "query-two-nodes-it";
    private static final Pattern FORWARDS =
            Pattern.compile("ledger_query_forwards_seconds_count\\{[^}]*result=\"answered\"[^}]*} (\\d+)");

    @TempDir
    static Path stateDir;

    static QueryNode a;
    static QueryNode b;

    @BeforeAll
    static void startTwoNodesAndFeedTheLog(EmbeddedLedgerInfrastructure infra) {
        int[] ports = LoopbackPorts.chooseFree(2);
        a = QueryNode.start(infra, APPLICATION_ID, stateDir.resolve("a"), ports[0]);
        awaitUp(a);
        b = QueryNode.start(infra, APPLICATION_ID, stateDir.resolve("b"), ports[1]);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    assertThat(a.get("/health").statusCode()).isEqualTo(200);
                    assertThat(b.get("/health").statusCode()).isEqualTo(200);
                    assertThat(ownedPartitions(a, StoreNames.WALLETS)).isNotEmpty();
                    assertThat(ownedPartitions(b, StoreNames.WALLETS)).isNotEmpty();
                });
        BrokerFixture.append(infra, LedgerScenario.events());
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    LedgerScenario.assertAnsweredBy(a);
                    LedgerScenario.assertAnsweredBy(b);
                });
    }

    @AfterAll
    static void stop() {
        for (QueryNode node : new QueryNode[] {b, a}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void eachNodeOwnsPartOfEveryStoreAndNeitherAllOfIt() {
        for (String store :
                List.of(StoreNames.WALLETS, StoreNames.BALANCES, StoreNames.OUTCOMES, StoreNames.SETTLEMENT_ROWS)) {
            Set<Integer> onA = ownedPartitions(a, store);
            Set<Integer> onB = ownedPartitions(b, store);
            Set<Integer> all = new TreeSet<>(onA);
            all.addAll(onB);
            assertThat(all).as(store).containsExactly(0, 1, 2);
            assertThat(onA).as(store).doesNotContainAnyElementsOf(onB);
        }
        assertThat(ownedPartitions(a, StoreNames.WALLETS)).hasSizeLessThan(QueryNode.PARTITIONS);
        assertThat(ownedPartitions(b, StoreNames.WALLETS)).hasSizeLessThan(QueryNode.PARTITIONS);
    }

    @Test
    @Order(2)
    void everyKeyAskedOfEitherNodeHasTheSameExactFigures() {
        LedgerScenario.assertAnsweredBy(a);
        LedgerScenario.assertAnsweredBy(b);
        for (String path : LedgerScenario.answers().keySet()) {
            assertThat(a.get(path).body()).as(path).isEqualTo(b.get(path).body());
        }
    }

    @Test
    @Order(3)
    void readsOfTheOtherNodesPartitionsWereForwardedToIt() {
        assertThat(answeredForwards(a)).isPositive();
        assertThat(answeredForwards(b)).isPositive();
    }

    @Test
    @Order(3)
    void aSettlementSummaryIsTheSumOfTheRowsWhicheverNodeIsAskedEachSummingItsOwnPartitions() throws Exception {
        String path = "/v1/settlement-summary?from=2024-03-01&to=2024-03-31";
        HttpResponse<String> fromA = a.get(path);
        assertThat(fromA.statusCode()).as(fromA.body()).isEqualTo(200);
        assertThat(fromA.body()).isEqualTo(b.get(path).body());
        JsonNode summary = LedgerJson.mapper().readTree(fromA.body());
        JsonNode rows =
                LedgerJson.mapper().readTree(a.get("/v1/settlements/2024-03-01").body());
        // m-1's row is in EUR, m-2's in JPY: one total per currency, each the sum of that currency's rows.
        assertThat(summary.path("totals").findValuesAsText("currency")).containsExactly("EUR", "JPY");
        for (JsonNode total : summary.path("totals")) {
            String currency = total.path("currency").asText();
            long rowsOfCurrency = 0;
            for (String figure :
                    List.of("count", "gross", "refunds", "chargebacks", "fees", "commission", "net", "paidOut")) {
                long sum = 0;
                rowsOfCurrency = 0;
                for (JsonNode row : rows) {
                    if (row.path("currency").asText().equals(currency)) {
                        sum += row.path(figure).asLong();
                        rowsOfCurrency++;
                    }
                }
                assertThat(total.path("figures").path(figure).asLong())
                        .as(currency + " " + figure)
                        .isEqualTo(sum);
            }
            assertThat(total.path("figures").path("rows").asLong()).isEqualTo(rowsOfCurrency);
        }
        assertThat(summary.path("days")).hasSize(2);
        assertThat(summary.path("merchants").findValuesAsText("merchantId")).containsExactly("m-1", "m-2");
    }

    @Test
    @Order(3)
    void aBulkReadOfOutcomesIsAnsweredWholeByEitherNodeFromTheOwnersOfItsIds() {
        Set<Integer> partitionsOfIds = new TreeSet<>();
        for (String eventId : LedgerScenario.EVENT_IDS) {
            partitionsOfIds.add(a.projector
                    .streams()
                    .queryMetadataForKey(StoreNames.OUTCOMES, eventId, new StringSerializer())
                    .partition());
        }
        // The scenario's ids sit on partitions of both nodes, so each node forwards part of the read.
        assertThat(partitionsOfIds)
                .containsAnyElementsOf(ownedPartitions(a, StoreNames.OUTCOMES))
                .containsAnyElementsOf(ownedPartitions(b, StoreNames.OUTCOMES));
        String request = LedgerScenario.bulkOutcomesRequest();
        HttpResponse<String> fromA = a.post("/v1/outcomes/lookup", request);
        HttpResponse<String> fromB = b.post("/v1/outcomes/lookup", request);
        assertThat(fromA.statusCode()).as(fromA.body()).isEqualTo(200);
        assertThat(fromA.body()).isEqualTo(LedgerScenario.bulkOutcomesAnswer(b)).isEqualTo(fromB.body());
    }

    @Test
    @Order(4)
    void whenANodeStopsTheOtherAnswers503UntilItOwnsEveryPartitionNeverAWrongFigure() {
        String bulkAnswer = LedgerScenario.bulkOutcomesAnswer(a);
        b.stopProjector();
        HttpResponse<String> down = b.get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(b.get("/v1/wallets/w-1").statusCode()).isEqualTo(503);

        Map<String, String> answers = LedgerScenario.answers();
        AtomicInteger unavailable = new AtomicInteger();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    boolean allAnswered = true;
                    for (Map.Entry<String, String> expected : answers.entrySet()) {
                        HttpResponse<String> r = a.get(expected.getKey());
                        if (r.statusCode() == 200) {
                            assertThat(QueryNode.parse(r.body()))
                                    .as(expected.getKey())
                                    .isEqualTo(QueryNode.parse(expected.getValue()));
                        } else {
                            assertThat(r.statusCode())
                                    .as(expected.getKey() + " " + r.body())
                                    .isEqualTo(503);
                            assertThat(r.headers().firstValue("Retry-After"))
                                    .as(expected.getKey())
                                    .hasValue("1");
                            assertThat(QueryNode.parse(r.body()).path("type").asText())
                                    .isEqualTo("urn:kleline:ledger:problem:unavailable");
                            unavailable.incrementAndGet();
                            allAnswered = false;
                        }
                    }
                    HttpResponse<String> bulk = a.post("/v1/outcomes/lookup", LedgerScenario.bulkOutcomesRequest());
                    if (bulk.statusCode() == 200) {
                        assertThat(bulk.body()).isEqualTo(bulkAnswer);
                    } else {
                        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(503);
                        allAnswered = false;
                    }
                    return allAnswered;
                });
        // The survivor first had to learn that its partner was gone: some reads were refused meanwhile.
        assertThat(unavailable.get()).isPositive();
        assertThat(ownedPartitions(a, StoreNames.WALLETS)).containsExactly(0, 1, 2);
        LedgerScenario.assertAnsweredBy(a);
    }

    private static void awaitUp(QueryNode node) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> node.get("/health").statusCode() == 200);
    }

    /** The partitions of {@code store} the group's assignment gives {@code node}. */
    private static Set<Integer> ownedPartitions(QueryNode node, String store) {
        HostInfo self = new HostInfo(QueryNode.HOST, node.port);
        Set<Integer> partitions = new TreeSet<>();
        for (StreamsMetadata instance : node.projector.streams().streamsMetadataForStore(store)) {
            if (instance.hostInfo().equals(self)) {
                for (TopicPartition tp : instance.topicPartitions()) {
                    if (StoreSources.inputOf(store).test(tp.topic())) {
                        partitions.add(tp.partition());
                    }
                }
            }
        }
        return partitions;
    }

    private static long answeredForwards(QueryNode node) {
        Matcher m = FORWARDS.matcher(node.get("/metrics", "text/plain").body());
        long total = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }
}
