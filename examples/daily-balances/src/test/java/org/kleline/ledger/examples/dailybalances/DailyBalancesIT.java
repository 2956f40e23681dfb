package org.kleline.ledger.examples.dailybalances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.projector.Projector;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.it.BrokerFixture;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

/**
 * The example against the ledger itself: an embedded broker and schema registry, the projector
 * deciding events appended to {@code ledger.events} as ingest appends them, and the example reading
 * the journal and the settlement rows the projector writes. Two days of one merchant, worked by hand
 * below with the fee plan of docs/domain.md's worked example, read in two runs of the same consumer
 * group, then once more by a new group into the same books.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class DailyBalancesIT {

    /** card 1.8% + 0.25, micro 5% + 0.02, chargeback fee 15.00, partner share 30%: docs/domain.md's plan. */
    static final FeePlan PLAN = new FeePlan(180, 25L, 500, 2L, 1_500L, 3_000);

    static final LocalDate NOV_26 = LocalDate.of(1999, 11, 26);
    static final LocalDate NOV_27 = LocalDate.of(1999, 11, 27);
    static final String EUR = "EUR";
    static final String MERCHANT = "merchant:m-books";
    static final String PARTNER = "partner:p-web";
    static final String WALLET = "wallet:w-1";
    static final String CLEARING = "platform:card-clearing";
    static final String FEES = "platform:fees";
    static final String PAYOUTS = "platform:payouts";

    @TempDir
    Path dir;

    /**
     * 26 November 1999 (Paris is UTC+1):
     * <pre>
     * onboard m-books (partner p-web), open w-1      no postings
     * top-up w-1 5000                                 clearing -5000, w-1 +5000
     * micro 250 to m-books   fee halfEven(125000, 10000) = 12 (a tie, even) + 2 = 14, commission halfEven(42000, 10000) = 4
     *                                                 w-1 -250, merchant +236, fees +10, partner +4
     * authorize c-1 4590                              no postings
     * capture c-1 4590       fee halfEven(826200, 10000) = 83 + 25 = 108, commission halfEven(324000, 10000) = 32
     *                                                 clearing -4590, merchant +4482, fees +76, partner +32
     * the top-up again, same eventId                  DUPLICATE: no entry
     * </pre>
     * Movements of the 26th: clearing -9590, w-1 +4750, merchant +4718, fees +86, partner +36 (sum 0).
     */
    static List<EventEnvelope> dayOne() {
        return List.of(
                event(
                        "onboard-m-books",
                        "1999-11-26T08:00:00Z",
                        new MerchantOnboarded("m-books", "Books", "p-web", EUR, PLAN)),
                event("open-w-1", "1999-11-26T08:05:00Z", new WalletOpened("w-1", EUR, 15_000L)),
                event("topup-w-1", "1999-11-26T08:10:00Z", new WalletToppedUp("w-1", 5_000L)),
                event("micro-1", "1999-11-26T09:00:00Z", new MicropaymentRequested("w-1", "m-books", 250L)),
                event("auth-c-1", "1999-11-26T10:00:00Z", new CardPaymentAuthorized("c-1", "m-books", 4_590L, EUR)),
                event("capture-c-1", "1999-11-26T10:05:00Z", new CardPaymentCaptured("c-1", 4_590L)),
                event("topup-w-1", "1999-11-26T10:06:00Z", new WalletToppedUp("w-1", 5_000L)));
    }

    /**
     * The next day, appended after the first run of the example:
     * <pre>
     * refund c-1 1290 at 23:30Z on the 26th, 00:30 on the 27th in Paris: business date the 27th
     *                                                 merchant -1290, clearing +1290
     * micro 1 to m-books     fee min(1, 0 + 2) = 1, commission halfEven(3000, 10000) = 0; zero postings left out
     *                                                 w-1 -1, fees +1
     * redeem w-1 1000                                 w-1 -1000, clearing +1000
     * micro 10000 to m-books                          REJECTED (w-1 holds 3749): no entry
     * payout of the 26th's net, 4718, made on the 27th
     *                                                 merchant -4718, payouts +4718
     * </pre>
     * The payout's journal entry is dated the day it was made, the 27th; it settles the 26th's row.
     * Movements of the 27th: clearing +2290, w-1 -1001, merchant -6008, fees +1, payouts +4718 (sum 0).
     */
    static List<EventEnvelope> dayTwo() {
        return List.of(
                event("refund-c-1", "1999-11-26T23:30:00Z", new CardPaymentRefunded("c-1", 1_290L)),
                event("micro-2", "1999-11-27T09:00:00Z", new MicropaymentRequested("w-1", "m-books", 1L)),
                event("redeem-w-1", "1999-11-27T09:30:00Z", new WalletRedeemed("w-1", 1_000L)),
                event("micro-3", "1999-11-27T09:45:00Z", new MicropaymentRequested("w-1", "m-books", 10_000L)),
                event(
                        "payout-m-books-1999-11-26",
                        "1999-11-27T10:00:00Z",
                        new MerchantPaidOut("m-books", "manual-m-books-1999-11-26", NOV_26, 4_718L)));
    }

    @Test
    void keepsEveryAccountsBalancePerBusinessDateAndGoesOnFromWhereItsGroupStopped(EmbeddedLedgerInfrastructure infra)
            throws Exception {
        Path books = dir.resolve("books");
        try (Projector projector = new Projector(projectorProps(infra, dir.resolve("streams")))) {
            projector.start();

            BrokerFixture.append(infra, dayOne());
            awaitOutcomes(infra, 7);
            awaitSettlement(infra, "m-books|1999-11-26|EUR", row -> row.getCount() == 2);

            Run first = runUntilCaughtUp(infra, "accounting-daily-balances", books);

            assertThat(first.output()).isEqualTo("""
                    account,currency,business_date,movement,closing_balance
                    merchant:m-books,EUR,1999-11-26,4718,4718
                    partner:p-web,EUR,1999-11-26,36,36
                    platform:card-clearing,EUR,1999-11-26,-9590,-9590
                    platform:fees,EUR,1999-11-26,86,86
                    wallet:w-1,EUR,1999-11-26,4750,4750
                    """);
            assertThat(first.summary().journalRecords()).isEqualTo(6);
            assertThat(first.books().bookedEntries())
                    .containsExactlyInAnyOrder(
                            "onboard-m-books", "open-w-1", "topup-w-1", "micro-1", "auth-c-1", "capture-c-1");
            assertThat(first.books().settlements()).containsOnlyKeys("m-books|1999-11-26|EUR");
            assertThat(first.books().settlements().get("m-books|1999-11-26|EUR"))
                    .isEqualTo(SettlementRows.row(
                            "m-books", NOV_26, 2, 4_840, 0, 122, 36, 4_718, 0, 0, SettlementStatus.OPEN));
            assertThat(committedOffsets(infra, "accounting-daily-balances")).isEqualTo(endOffsets(infra));

            BrokerFixture.append(infra, dayTwo());
            awaitOutcomes(infra, 12);
            awaitSettlement(infra, "m-books|1999-11-26|EUR", row -> row.getPayouts() == 1);
            awaitSettlement(infra, "m-books|1999-11-27|EUR", row -> row.getCount() == 1 && row.getRefunds() == 1_290);

            Run second = runUntilCaughtUp(infra, "accounting-daily-balances", books);

            String expected = """
                    account,currency,business_date,movement,closing_balance
                    merchant:m-books,EUR,1999-11-26,4718,4718
                    merchant:m-books,EUR,1999-11-27,-6008,-1290
                    partner:p-web,EUR,1999-11-26,36,36
                    platform:card-clearing,EUR,1999-11-26,-9590,-9590
                    platform:card-clearing,EUR,1999-11-27,2290,-7300
                    platform:fees,EUR,1999-11-26,86,86
                    platform:fees,EUR,1999-11-27,1,87
                    platform:payouts,EUR,1999-11-27,4718,4718
                    wallet:w-1,EUR,1999-11-26,4750,4750
                    wallet:w-1,EUR,1999-11-27,-1001,3749
                    """;
            assertThat(second.output()).isEqualTo(expected);
            assertThat(Files.readString(books.resolve(LedgerFiles.DAILY_BALANCES)))
                    .isEqualTo(expected);
            // The group's position was kept: the second run read the new entries only, the four accepted
            // events of the 27th (the rejected micropayment has none).
            assertThat(second.summary().journalRecords()).isEqualTo(4);
            assertThat(second.summary().entriesBooked()).isEqualTo(4);
            assertThat(second.books().closingBalance(PARTNER, EUR, NOV_27)).isEqualTo(36);
            assertThat(second.books().closingBalance(WALLET, EUR, NOV_26)).isEqualTo(4_750);
            assertThat(second.books().closingBalance(MERCHANT, EUR, NOV_27)).isEqualTo(-1_290);
            assertThat(second.books().closingBalance(CLEARING, EUR, NOV_27)
                            + second.books().closingBalance(FEES, EUR, NOV_27)
                            + second.books().closingBalance(PAYOUTS, EUR, NOV_27)
                            + second.books().closingBalance(WALLET, EUR, NOV_27)
                            + second.books().closingBalance(MERCHANT, EUR, NOV_27)
                            + second.books().closingBalance(PARTNER, EUR, NOV_27))
                    .as("the trial balance")
                    .isZero();
            assertThat(second.books().settlements())
                    .containsOnly(
                            Map.entry(
                                    "m-books|1999-11-26|EUR",
                                    SettlementRows.row(
                                            "m-books",
                                            NOV_26,
                                            2,
                                            4_840,
                                            0,
                                            122,
                                            36,
                                            4_718,
                                            4_718,
                                            1,
                                            SettlementStatus.PAID)),
                            Map.entry(
                                    "m-books|1999-11-27|EUR",
                                    SettlementRows.row(
                                            "m-books",
                                            NOV_27,
                                            1,
                                            1,
                                            1_290,
                                            1,
                                            0,
                                            -1_290,
                                            0,
                                            0,
                                            SettlementStatus.OPEN)));
            assertThat(Files.readString(books.resolve(LedgerFiles.SETTLEMENTS))).isEqualTo("""
                    merchant_id,business_date,currency,count,gross,refunds,chargebacks,fees,commission,net,paid_out,payouts,status
                    m-books,1999-11-26,EUR,2,4840,0,0,122,36,4718,4718,1,PAID
                    m-books,1999-11-27,EUR,1,1,1290,0,1,0,-1290,0,0,OPEN
                    """);
            assertThat(committedOffsets(infra, "accounting-daily-balances")).isEqualTo(endOffsets(infra));

            // A new group reads the whole journal again into the same books, as after a rebuild of the
            // ledger's views: every entry is already booked, and nothing changes.
            Run again = runUntilCaughtUp(infra, "accounting-daily-balances-replay", books);

            assertThat(again.summary().journalRecords()).isEqualTo(10);
            assertThat(again.summary().entriesBooked()).isZero();
            assertThat(again.output()).isEqualTo(expected);
        }
    }

    /** What one run of the example printed and read, and the books it left. */
    record Run(String output, DailyLedger books, DailyBalancesConsumer.Summary summary) {}

    private static Run runUntilCaughtUp(EmbeddedLedgerInfrastructure infra, String groupId, Path books)
            throws InterruptedException {
        DailyBalances.Options options = new DailyBalances.Options(
                new DailyBalancesConsumer.Settings(
                        infra.bootstrapServers(), infra.schemaRegistryUrl(), groupId, Map.of()),
                books,
                true);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DailyBalancesConsumer.Summary summary;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            summary = DailyBalances.run(options, out);
        }
        return new Run(printed.toString(StandardCharsets.UTF_8), new LedgerFiles(books).load(), summary);
    }

    private static EventEnvelope event(String eventId, String occurredAt, Object payload) {
        return new EventEnvelope(eventId, Instant.parse(occurredAt), payload, null, null);
    }

    private static Properties projectorProps(EmbeddedLedgerInfrastructure infra, Path stateDir) {
        Properties p = new Properties();
        p.put(ProjectorSettings.BOOTSTRAP_SERVERS, infra.bootstrapServers());
        p.put(ProjectorSettings.SCHEMA_REGISTRY_URL, infra.schemaRegistryUrl());
        p.put(ProjectorSettings.APPLICATION_ID, "daily-balances-it");
        p.put(ProjectorSettings.PARTITIONS, "2");
        p.put(ProjectorSettings.REPLICATION, "1");
        p.put(ProjectorSettings.ROCKSDB_MEMORY_BYTES, Long.toString(32L * 1024 * 1024));
        p.put("state.dir", stateDir.toString());
        return p;
    }

    /** Waits until {@code ledger.outcomes} holds {@code count} outcomes, then checks none of them is unexpected. */
    private static void awaitOutcomes(EmbeddedLedgerInfrastructure infra, int count) {
        Topics topics = Topics.create(Map.of("schema.registry.url", infra.schemaRegistryUrl()));
        List<EventOutcome> outcomes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            outcomes.clear();
            for (ConsumerRecord<String, byte[]> r : readAll(infra, Topics.OUTCOMES)) {
                outcomes.add(topics.outcomes().valueSerde().deserializer().deserialize(Topics.OUTCOMES, r.value()));
            }
            return outcomes.size() >= count;
        });
        Map<String, List<Outcome>> byEvent = outcomes.stream()
                .collect(Collectors.groupingBy(
                        EventOutcome::getEventId, Collectors.mapping(EventOutcome::getOutcome, Collectors.toList())));
        assertThat(byEvent.get("topup-w-1")).containsExactly(Outcome.ACCEPTED, Outcome.DUPLICATE);
        if (byEvent.containsKey("micro-3")) {
            assertThat(byEvent.get("micro-3")).containsExactly(Outcome.REJECTED);
        }
        byEvent.forEach((id, decided) -> {
            if (!id.equals("topup-w-1") && !id.equals("micro-3")) {
                assertThat(decided).as("outcome of %s", id).containsExactly(Outcome.ACCEPTED);
            }
        });
    }

    /** Waits until the latest row of {@code key} on {@code ledger.settlements} satisfies {@code condition}. */
    private static void awaitSettlement(
            EmbeddedLedgerInfrastructure infra, String key, java.util.function.Predicate<SettlementRow> condition) {
        Topics topics = Topics.create(Map.of("schema.registry.url", infra.schemaRegistryUrl()));
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            SettlementRow latest = null;
            for (ConsumerRecord<String, byte[]> r : readAll(infra, Topics.SETTLEMENTS)) {
                if (r.key().equals(key)) {
                    latest =
                            topics.settlements().valueSerde().deserializer().deserialize(Topics.SETTLEMENTS, r.value());
                }
            }
            return latest != null && condition.test(latest);
        });
    }

    /** Every committed record of a topic, read from the start. */
    private static List<ConsumerRecord<String, byte[]>> readAll(EmbeddedLedgerInfrastructure infra, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The offsets a group has committed on the journal and the settlement rows. */
    private static Map<TopicPartition, Long> committedOffsets(EmbeddedLedgerInfrastructure infra, String groupId)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, Long> offsets = new HashMap<>();
            committed.forEach((partition, offset) -> offsets.put(partition, offset.offset()));
            return offsets;
        }
    }

    /** The last stable offsets of the journal and the settlement rows: the end for a read_committed reader. */
    private static Map<TopicPartition, Long> endOffsets(EmbeddedLedgerInfrastructure infra) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            for (String topic : List.of(Topics.JOURNAL, Topics.SETTLEMENTS)) {
                for (var info : admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic)
                        .partitions()) {
                    wanted.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(
                            wanted,
                            new org.apache.kafka.clients.admin.ListOffsetsOptions(
                                    org.apache.kafka.common.IsolationLevel.READ_COMMITTED))
                    .all()
                    .get()
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }
}
