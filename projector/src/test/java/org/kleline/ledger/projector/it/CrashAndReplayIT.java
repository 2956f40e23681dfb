package org.kleline.ledger.projector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.decision.EventOutcomes;
import org.kleline.ledger.model.replay.AccountCurrency;
import org.kleline.ledger.model.replay.LedgerReplay;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.Projector;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.SettlementKeys;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.topics.ProjectorTopics;
import org.kleline.ledger.projector.topology.RandomLedgerLog;

/**
 * Exactly once under an abrupt stop, and the same views again after the local state is deleted
 * or rebuilt by a fresh application from the log. The tests share one broker and one log.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashAndReplayIT {

    static final String APP = "crash-it";
    static final List<EventEnvelope> LOG = RandomLedgerLog.generate(4242L, 12_000, 20, 300);
    static final Duration DEADLINE = Duration.ofMinutes(3);

    static BrokerFixture broker;
    static LedgerReplay replay;
    static List<EventOutcome> expectedOutcomes;
    static Map<String, Object> viewsAfterRun;

    @TempDir
    static Path work;

    @BeforeAll
    static void start(EmbeddedLedgerInfrastructure infra) {
        broker = new BrokerFixture(infra);
        replay = new LedgerReplay(BusinessCalendar.defaultCalendar());
        expectedOutcomes = new ArrayList<>();
        for (EventEnvelope e : LOG) {
            Decision<?> d = replay.apply(e);
            expectedOutcomes.add(EventOutcomes.of(d));
        }
    }

    @Test
    @Order(1)
    void aProjectorKilledMidStreamAndRestartedLosesAndDoublesNoEntry() throws Exception {
        int half = LOG.size() / 2;
        broker.append(LOG.subList(0, half));
        Path state = work.resolve("child-state");
        try (ChildProjector first = new ChildProjector(broker.projectorProps(APP, state), work, "first")) {
            broker.append(LOG.subList(half, LOG.size()));
            await().atMost(DEADLINE)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> broker.stableOffsets(ProjectorTopics.OUTCOMES) >= LOG.size() / 8);
            assertThat(first.isAlive()).isTrue();
            first.kill();
        }
        long atKill = committedOutcomes();
        assertThat(atKill).isLessThan(LOG.size());

        try (ChildProjector second = new ChildProjector(broker.projectorProps(APP, state), work, "second")) {
            await().atMost(DEADLINE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> committedOutcomes() >= LOG.size());
        }

        List<ConsumerRecord<String, EventOutcome>> outcomes = broker.readAll(
                ProjectorTopics.OUTCOMES, broker.serdes.outcomes().deserializer(), LOG.size());
        assertThat(outcomes).hasSize(LOG.size());
        assertThat(perEventId(outcomes.stream().map(ConsumerRecord::value).toList()))
                .isEqualTo(perEventId(expectedOutcomes));

        long accepted = expectedOutcomes.stream()
                .filter(o -> o.getOutcome().name().equals("ACCEPTED"))
                .count();
        List<ConsumerRecord<String, JournalEntry>> journal =
                broker.readAll(ProjectorTopics.JOURNAL, broker.serdes.journal().deserializer(), (int) accepted);
        assertThat(journal).hasSize((int) accepted);
        assertThat(journal.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(accepted);

        Map<String, Long> trial = new TreeMap<>();
        Map<String, Long> balances = new TreeMap<>();
        for (ConsumerRecord<String, JournalEntry> r : journal) {
            for (Posting p : r.value().getPostings()) {
                trial.merge(p.getCurrency(), p.getAmount(), Long::sum);
                balances.merge(AccountKeys.balance(p.getAccount(), p.getCurrency()), p.getAmount(), Long::sum);
            }
        }
        assertThat(trial.values()).allMatch(sum -> sum == 0L);
        assertThat(balances).isEqualTo(expectedBalances());
    }

    @Test
    @Order(2)
    void viewsRestoredAfterTheLocalStateIsDeletedAreTheSame() throws Exception {
        Path state = work.resolve("restore-state");
        viewsAfterRun = runUntilComplete(APP, state, "from the crashed run's changelogs");
        assertThat(viewsAfterRun.get(StoreNames.BALANCES)).isNotNull();
        assertBalancesAndRowsMatchTheReplay(viewsAfterRun);

        deleteRecursively(state);
        Map<String, Object> restored = runUntilComplete(APP, state, "after deleting the local state");
        assertSameViews(restored, viewsAfterRun);
    }

    @Test
    @Order(3)
    void aFreshApplicationReplayingTheLogBuildsTheSameViews() throws Exception {
        Map<String, Object> replayed = runUntilComplete(
                APP + "-replay", work.resolve("replay-state"), "replayed from ledger.events by a new application");
        assertSameViews(replayed, viewsAfterRun);
    }

    private Map<String, Object> runUntilComplete(String app, Path state, String what) throws Exception {
        long started = System.nanoTime();
        try (Projector projector = new Projector(broker.projectorProps(app, state))) {
            projector.start();
            KafkaStreams streams = projector.streams();
            long distinctIds =
                    LOG.stream().map(EventEnvelope::getEventId).distinct().count();
            long postings = expectedBalancesPostings();
            // Settlement rows are one stage after the decision (through their repartition topic):
            // complete only when each row holds every effect, not as soon as every row exists.
            Map<String, Object> expectedRows = new TreeMap<>();
            replay.settlements().forEach(s -> expectedRows.put(SettlementKeys.byMerchant(s.key()), s.toAvro()));
            await().atMost(DEADLINE)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> BrokerFixture.storeContents(streams, StoreNames.OUTCOMES)
                                            .size()
                                    == distinctIds
                            && entriesSummed(BrokerFixture.storeContents(streams, StoreNames.BALANCES)) == postings
                            && BrokerFixture.storeContents(streams, StoreNames.SETTLEMENT_ROWS)
                                    .equals(expectedRows));
            System.out.printf("views complete %s in %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
            Map<String, Object> views = new TreeMap<>();
            // Not the history horizon: its fold runs on wall-clock time, so two runs of one log may differ there.
            for (String store : StoreNames.ALL) {
                if (store.equals(StoreNames.HISTORY_HORIZON)) {
                    continue;
                }
                views.put(store, BrokerFixture.storeContents(streams, store));
            }
            return views;
        }
    }

    private static void assertSameViews(Map<String, Object> actual, Map<String, Object> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String store : expected.keySet()) {
            assertThat(actual.get(store)).as(store).isEqualTo(expected.get(store));
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertBalancesAndRowsMatchTheReplay(Map<String, Object> views) {
        Map<String, Object> balances = (Map<String, Object>) views.get(StoreNames.BALANCES);
        Map<String, Long> actual = new TreeMap<>();
        balances.forEach((k, v) -> actual.put(k, ((BalanceTotals) v).getCredits() - ((BalanceTotals) v).getDebits()));
        assertThat(actual).isEqualTo(expectedBalances());
        Map<String, Object> rows = (Map<String, Object>) views.get(StoreNames.SETTLEMENT_ROWS);
        for (DailySettlement s : replay.settlements()) {
            assertThat(rows.get(SettlementKeys.byMerchant(s.key()))).isEqualTo(s.toAvro());
        }
        Map<String, Object> trial = (Map<String, Object>) views.get(StoreNames.TRIAL_BALANCE);
        trial.values()
                .forEach(t -> assertThat(((BalanceTotals) t).getCredits()).isEqualTo(((BalanceTotals) t).getDebits()));
    }

    private static Map<String, Long> expectedBalances() {
        Map<String, Long> expected = new TreeMap<>();
        for (Map.Entry<AccountCurrency, Long> e : replay.balances().entrySet()) {
            expected.put(
                    AccountKeys.balance(
                            e.getKey().account().value(), e.getKey().currency().code()),
                    e.getValue());
        }
        return expected;
    }

    private static long expectedBalancesPostings() {
        return expectedOutcomes.stream().mapToLong(o -> o.getPostings().size()).sum();
    }

    private static long entriesSummed(Map<String, Object> balances) {
        return balances.values().stream()
                .mapToLong(v -> ((BalanceTotals) v).getEntries())
                .sum();
    }

    /** eventId to its outcomes in order: an eventId decided twice (a retry) has two. */
    private static Map<String, List<EventOutcome>> perEventId(List<EventOutcome> outcomes) {
        Map<String, List<EventOutcome>> by = new HashMap<>();
        outcomes.forEach(
                o -> by.computeIfAbsent(o.getEventId(), k -> new ArrayList<>()).add(o));
        return by;
    }

    private long committedOutcomes() {
        return broker.countCommitted(ProjectorTopics.OUTCOMES);
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }
}
