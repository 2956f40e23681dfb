package org.kleline.ledger.query.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.query.body.BalanceBody;
import org.kleline.ledger.query.body.EntriesPage;
import org.kleline.ledger.query.body.EntryBody;
import org.kleline.ledger.query.figures.FigureOutOfRangeException;
import org.kleline.ledger.query.statement.StatementCursor;
import org.kleline.ledger.query.views.PartMerges;

/**
 * The account reads when one account and currency has postings in several partitions (each holding
 * its part of the balance, hour sums and lines): the same figures as when one partition holds them
 * all, whether the partitions are on one instance or on several.
 */
class SplitAccountReadsTest {

    private static final String ACCOUNT = "platform:fees";
    private static final long T = 1_709_287_200_000L; // 2024-03-01T10:00:00Z, an hour start
    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;

    /** The postings of {@link #statementPostings}, each with the partition it goes to when split. */
    private record Posting(int partition, String currency, long amount, String eventId, long atMs) {}

    private static List<Posting> statementPostings() {
        return List.of(
                new Posting(1, "EUR", 10_000, "e0", T - 5 * HOUR),
                new Posting(0, "EUR", 100, "e1", T),
                new Posting(1, "EUR", 200, "e2", T + MINUTE),
                new Posting(0, "EUR", -50, "e3", T + 2 * MINUTE),
                new Posting(1, "JPY", 300, "j1", T + 150_000),
                new Posting(1, "EUR", 400, "e4", T + 3 * MINUTE),
                new Posting(0, "EUR", -25, "e5", T + 4 * MINUTE),
                new Posting(1, "EUR", 1_000, "e6", T + 5 * MINUTE),
                // One event id under two aggregate keys: a line at the same key in both partitions.
                new Posting(0, "EUR", 7, "dup", T + 6 * MINUTE),
                new Posting(1, "EUR", 8, "dup", T + 6 * MINUTE));
    }

    private static HandBuiltPartitions split(List<Posting> postings) {
        HandBuiltPartitions stores = new HandBuiltPartitions();
        postings.forEach(p -> stores.post(p.partition(), ACCOUNT, p.currency(), p.amount(), p.eventId(), p.atMs()));
        return stores;
    }

    private static HandBuiltPartitions whole(List<Posting> postings) {
        HandBuiltPartitions stores = new HandBuiltPartitions();
        postings.forEach(p -> stores.post(0, ACCOUNT, p.currency(), p.amount(), p.eventId(), p.atMs()));
        return stores;
    }

    /** Each partition answered by an instance of its own, the parts merged as the router's caller does. */
    private static EntriesPage pageFromInstances(HandBuiltPartitions stores, StatementRead read) {
        List<StatementPart> parts = new ArrayList<>();
        stores.all().forEach(p -> parts.add(read.read(stores, List.of(p))));
        return PartMerges.statement(ACCOUNT, parts, read.limit());
    }

    /** Every partition on one instance. */
    private static EntriesPage pageFromOneInstance(HandBuiltPartitions stores, StatementRead read) {
        return PartMerges.statement(ACCOUNT, List.of(read.read(stores, stores.all())), read.limit());
    }

    private static List<BalanceBody> balancesFromInstances(HandBuiltPartitions stores, Long asOfMs) {
        AccountBalancesRead read = new AccountBalancesRead(ACCOUNT, asOfMs);
        List<AccountBalancesPart> parts = new ArrayList<>();
        stores.all().forEach(p -> parts.add(read.read(stores, List.of(p))));
        return PartMerges.balances(ACCOUNT, parts);
    }

    private static List<BalanceBody> balancesFromOneInstance(HandBuiltPartitions stores, Long asOfMs) {
        return PartMerges.balances(
                ACCOUNT, List.of(new AccountBalancesRead(ACCOUNT, asOfMs).read(stores, stores.all())));
    }

    /** Every check on the postings in one partition and split over two: the figures must not tell them apart. */
    private static void onEveryLayout(Consumer<HandBuiltPartitions> check) {
        check.accept(whole(statementPostings()));
        check.accept(split(statementPostings()));
    }

    @Test
    void partsNearTheMaximumOnTwoPartitionsAreA422WhetherAddedOnOneInstanceOrAcrossInstances() {
        long nearlyMax = Long.MAX_VALUE - 100;
        HandBuiltPartitions stores = new HandBuiltPartitions()
                .post(0, ACCOUNT, "EUR", nearlyMax, "e1", T)
                .post(1, ACCOUNT, "EUR", 101, "e2", T + HOUR)
                .post(1, ACCOUNT, "JPY", 7, "j1", T + HOUR);
        StatementRead statement = new StatementRead(ACCOUNT, T, Long.MAX_VALUE, null, 10);
        String credits = "the credits of account platform:fees in EUR, added over the partitions of the ledger";

        assertThatThrownBy(() -> balancesFromOneInstance(stores, null))
                .isInstanceOf(FigureOutOfRangeException.class)
                .hasMessageStartingWith(credits);
        assertThatThrownBy(() -> balancesFromInstances(stores, null))
                .isInstanceOf(FigureOutOfRangeException.class)
                .hasMessageStartingWith(credits);
        assertThatThrownBy(() -> balancesFromOneInstance(stores, T + 2 * HOUR))
                .isInstanceOf(FigureOutOfRangeException.class)
                .hasMessageStartingWith(credits);
        assertThatThrownBy(() -> pageFromInstances(stores, statement))
                .isInstanceOf(FigureOutOfRangeException.class)
                .hasMessageStartingWith("the balance after event e2 on platform:fees in EUR");
        // Before the second part's posting, the balance as of then fits.
        assertThat(balancesFromOneInstance(stores, T)).containsExactly(new BalanceBody("EUR", nearlyMax, nearlyMax, 0));
    }

    @Test
    void theBalanceOfACurrencySpreadOverPartitionsIsTheSumOfTheirParts() {
        HandBuiltPartitions stores = new HandBuiltPartitions()
                .post(0, ACCOUNT, "EUR", 1_000, "e1", T)
                .post(1, ACCOUNT, "EUR", 500, "e2", T + HOUR)
                .post(0, ACCOUNT, "EUR", -300, "e3", T + 2 * HOUR)
                .post(1, ACCOUNT, "JPY", 700, "j1", T + 2 * HOUR)
                .post(1, ACCOUNT, "EUR", -200, "e4", T + 3 * HOUR);
        List<BalanceBody> now = List.of(new BalanceBody("EUR", 1_000, 1_500, 500), new BalanceBody("JPY", 700, 700, 0));
        assertThat(balancesFromInstances(stores, null)).isEqualTo(now);
        assertThat(balancesFromOneInstance(stores, null)).isEqualTo(now);

        List<BalanceBody> atTwoHours =
                List.of(new BalanceBody("EUR", 1_200, 1_500, 300), new BalanceBody("JPY", 700, 700, 0));
        assertThat(balancesFromInstances(stores, T + 2 * HOUR)).isEqualTo(atTwoHours);
        assertThat(balancesFromOneInstance(stores, T + 2 * HOUR)).isEqualTo(atTwoHours);
    }

    @Test
    void aCurrencyWithNoPostingYetInOnePartitionIsShownOnceAsOfAnInstant() {
        HandBuiltPartitions stores = new HandBuiltPartitions()
                .post(0, ACCOUNT, "EUR", 1_000, "e1", T)
                .post(1, ACCOUNT, "EUR", 500, "e2", T + HOUR)
                .post(1, ACCOUNT, "JPY", 700, "j1", T + 2 * HOUR);
        List<BalanceBody> atHalfHour = List.of(new BalanceBody("EUR", 1_000, 1_000, 0));
        assertThat(balancesFromInstances(stores, T + 30 * MINUTE)).isEqualTo(atHalfHour);
        assertThat(balancesFromOneInstance(stores, T + 30 * MINUTE)).isEqualTo(atHalfHour);
        assertThat(balancesFromOneInstance(stores, T - 1)).isEmpty();
    }

    @Test
    void anAsOfBeforeTheHorizonOfAnyPartitionHoldingTheAccountIsRefused() {
        HandBuiltPartitions stores = new HandBuiltPartitions(Duration.ofHours(2))
                .post(0, ACCOUNT, "EUR", 10_000, "a", T)
                .post(0, ACCOUNT, "EUR", -1_000, "c", T + 5 * HOUR)
                .post(1, ACCOUNT, "EUR", -2_500, "b", T + HOUR + 5)
                .post(1, ACCOUNT, "EUR", 300, "d", T + 6 * HOUR);
        stores.fold(); // partition 0 keeps from T + 3 h, partition 1 from T + 4 h
        AccountBalancesRead beforeOne = new AccountBalancesRead(ACCOUNT, T + 3 * HOUR);
        assertThat(beforeOne.read(stores, stores.all()).refusedBeforeMs()).isEqualTo(T + 4 * HOUR);
        assertThat(PartMerges.refusedBefore(
                        List.of(beforeOne.read(stores, List.of(0)), beforeOne.read(stores, List.of(1)))))
                .isEqualTo(T + 4 * HOUR);
        assertThat(beforeOne.read(stores, List.of(0)).refusedBeforeMs()).isNull();

        AccountBalancesPart kept = new AccountBalancesRead(ACCOUNT, T + 4 * HOUR).read(stores, stores.all());
        assertThat(kept.refusedBeforeMs()).isNull();
        assertThat(kept.balances()).containsExactly(new BalanceBody("EUR", 7_500, 10_000, 2_500));
    }

    @Test
    void aStatementWhoseLinesAlternateBetweenPartitionsRunsItsBalanceAcrossThem() {
        onEveryLayout(stores -> {
            StatementRead first = new StatementRead(ACCOUNT, T, Long.MAX_VALUE, null, 4);
            for (EntriesPage page : List.of(pageFromInstances(stores, first), pageFromOneInstance(stores, first))) {
                assertThat(page.entries()).extracting(EntryBody::eventId).containsExactly("e1", "e2", "e3", "j1");
                assertThat(page.entries()).extracting(EntryBody::amount).containsExactly(100L, 200L, -50L, 300L);
                assertThat(page.entries())
                        .extracting(EntryBody::balanceAfter)
                        .containsExactly(10_100L, 10_300L, 10_250L, 300L);
                assertThat(StatementCursor.decode(ACCOUNT, page.nextCursor()))
                        .isEqualTo(new StatementCursor("JPY", T + 150_000, "j1"));
            }
        });
    }

    @Test
    void theNextPageByCursorOpensWithEveryPartitionsPostingsBeforeItAndMergesEqualLines() {
        onEveryLayout(stores -> {
            StatementCursor cursor = new StatementCursor("JPY", T + 150_000, "j1");
            StatementRead second = new StatementRead(ACCOUNT, T, Long.MAX_VALUE, cursor, 4);
            for (EntriesPage page : List.of(pageFromInstances(stores, second), pageFromOneInstance(stores, second))) {
                assertThat(page.entries()).extracting(EntryBody::eventId).containsExactly("e4", "e5", "e6", "dup");
                assertThat(page.entries()).extracting(EntryBody::amount).containsExactly(400L, -25L, 1_000L, 15L);
                assertThat(page.entries())
                        .extracting(EntryBody::balanceAfter)
                        .containsExactly(10_650L, 10_625L, 11_625L, 11_640L);
                assertThat(page.nextCursor()).isNull();
            }
        });
    }

    @Test
    void aPartitionWithNoLineInThePageStillOpensIt() {
        onEveryLayout(stores -> {
            // Only e3 (partition 0) is in range; partition 1's e0 and e2 are before it.
            StatementRead read = new StatementRead(ACCOUNT, T + 2 * MINUTE, T + 2 * MINUTE + 20_000, null, 10);
            for (EntriesPage page : List.of(pageFromInstances(stores, read), pageFromOneInstance(stores, read))) {
                assertThat(page.entries()).extracting(EntryBody::eventId).containsExactly("e3");
                assertThat(page.entries()).extracting(EntryBody::balanceAfter).containsExactly(10_250L);
            }
        });
    }

    @Test
    void aCursorBeforeFromOpensAtFrom() {
        onEveryLayout(stores -> {
            StatementRead read = new StatementRead(
                    ACCOUNT, T + 4 * MINUTE, Long.MAX_VALUE, new StatementCursor("EUR", T + MINUTE, "e2"), 2);
            EntriesPage page = pageFromInstances(stores, read);
            assertThat(page.entries()).extracting(EntryBody::eventId).containsExactly("e5", "e6");
            assertThat(page.entries()).extracting(EntryBody::balanceAfter).containsExactly(10_625L, 11_625L);
            assertThat(StatementCursor.decode(ACCOUNT, page.nextCursor()))
                    .isEqualTo(new StatementCursor("EUR", T + 5 * MINUTE, "e6"));
        });
    }

    @Test
    void pagingThroughASplitStatementGivesEveryLineOnceWithTheWholeRunningBalance() {
        HandBuiltPartitions stores = split(statementPostings());
        List<EntryBody> lines = new ArrayList<>();
        StatementCursor cursor = null;
        int pages = 0;
        do {
            EntriesPage page =
                    pageFromInstances(stores, new StatementRead(ACCOUNT, Long.MIN_VALUE, Long.MAX_VALUE, cursor, 2));
            lines.addAll(page.entries());
            cursor = page.nextCursor() == null ? null : StatementCursor.decode(ACCOUNT, page.nextCursor());
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(5);
        assertThat(lines)
                .extracting(EntryBody::eventId)
                .containsExactly("e0", "e1", "e2", "e3", "j1", "e4", "e5", "e6", "dup");
        assertThat(lines)
                .extracting(EntryBody::balanceAfter)
                .containsExactly(10_000L, 10_100L, 10_300L, 10_250L, 300L, 10_650L, 10_625L, 11_625L, 11_640L);
    }

    @Test
    void afterAFoldEachPartitionOpensWithEverythingBeforeItsHorizonAndTheFirstLineKeptIsExact() {
        HandBuiltPartitions stores = new HandBuiltPartitions(Duration.ofHours(2))
                .post(0, ACCOUNT, "EUR", 10_000, "top", T)
                .post(1, ACCOUNT, "EUR", -2_500, "pay1", T + HOUR + 5)
                .post(0, ACCOUNT, "EUR", -1_000, "pay2", T + 5 * HOUR)
                .post(1, ACCOUNT, "EUR", 300, "top2", T + 6 * HOUR);
        stores.fold();
        StatementRead read = new StatementRead(ACCOUNT, T - HOUR, T + 10 * HOUR, null, 10);
        for (EntriesPage page : List.of(pageFromInstances(stores, read), pageFromOneInstance(stores, read))) {
            assertThat(page.entries()).extracting(EntryBody::eventId).containsExactly("pay2", "top2");
            assertThat(page.entries()).extracting(EntryBody::balanceAfter).containsExactly(6_500L, 6_800L);
        }
        // From within the folded hours, and by a cursor taken before the fold: the same opening.
        StatementRead fromFolded = new StatementRead(ACCOUNT, T + 90 * MINUTE, T + 10 * HOUR, null, 10);
        assertThat(pageFromInstances(stores, fromFolded).entries())
                .extracting(EntryBody::balanceAfter)
                .containsExactly(6_500L, 6_800L);
        StatementRead byOldCursor =
                new StatementRead(ACCOUNT, T - HOUR, T + 10 * HOUR, new StatementCursor("EUR", T, "top"), 10);
        assertThat(pageFromInstances(stores, byOldCursor).entries())
                .extracting(EntryBody::balanceAfter)
                .containsExactly(6_500L, 6_800L);
    }

    @Test
    void aStatementFromTheBeginningOfTimeOpensWithWhatAFoldLumped() {
        HandBuiltPartitions stores = new HandBuiltPartitions(Duration.ofHours(2))
                .post(0, ACCOUNT, "EUR", 10_000, "top", T)
                .post(0, ACCOUNT, "EUR", -1_000, "pay", T + 5 * HOUR);
        stores.fold(); // keeps from T + 3 h: "top" is only in the opening sum
        EntriesPage page =
                pageFromInstances(stores, new StatementRead(ACCOUNT, Long.MIN_VALUE, Long.MAX_VALUE, null, 10));
        assertThat(page.entries())
                .extracting(EntryBody::eventId, EntryBody::balanceAfter)
                .containsExactly(tuple("pay", 9_000L));
    }

    /**
     * Partition 0 keeps its history from T + 3 h (its latest posting is at T + 5 h, retention 2 h),
     * partition 1 from T + 4 h: partition 1 folded b1 and the late b-late into its opening, while
     * partition 0 still has lines a1 and a2 between the two horizons. JPY is held by partition 0 only.
     */
    private static List<Posting> postingsOverTwoHorizons() {
        return List.of(
                new Posting(0, "EUR", 10_000, "a0", T),
                new Posting(1, "EUR", 5_000, "b0", T + 30 * MINUTE),
                new Posting(0, "EUR", -100, "a1", T + 3 * HOUR + 10 * MINUTE),
                new Posting(1, "EUR", -200, "b1", T + 3 * HOUR + 20 * MINUTE),
                new Posting(0, "JPY", 300, "j1", T + 3 * HOUR + 30 * MINUTE),
                new Posting(0, "EUR", -300, "a2", T + 3 * HOUR + 40 * MINUTE),
                new Posting(1, "EUR", 400, "b2", T + 4 * HOUR + 5 * MINUTE),
                new Posting(0, "EUR", -50, "a3", T + 4 * HOUR + 10 * MINUTE),
                new Posting(0, "EUR", -1_000, "a4", T + 5 * HOUR),
                new Posting(1, "EUR", 700, "b3", T + 6 * HOUR),
                new Posting(1, "EUR", 8, "b4", T + 6 * HOUR + MINUTE));
    }

    /** Arrives after the fold with an occurredAt before partition 1's horizon: straight into its opening. */
    private static final Posting LATE = new Posting(1, "EUR", -60, "b-late", T + 3 * HOUR + 50 * MINUTE);

    private static HandBuiltPartitions foldedAtTwoHorizons() {
        HandBuiltPartitions stores = new HandBuiltPartitions(Duration.ofHours(2));
        postingsOverTwoHorizons()
                .forEach(p -> stores.post(p.partition(), ACCOUNT, p.currency(), p.amount(), p.eventId(), p.atMs()));
        stores.fold();
        stores.post(LATE.partition(), ACCOUNT, LATE.currency(), LATE.amount(), LATE.eventId(), LATE.atMs());
        assertThat(stores.history(0).keptFromMs()).isEqualTo(T + 3 * HOUR);
        assertThat(stores.history(1).keptFromMs()).isEqualTo(T + 4 * HOUR);
        return stores;
    }

    /** The sum of every posting of the line's currency at or before the line's (occurredAt, eventId). */
    private static long sumThrough(EntryBody line) {
        List<Posting> all = new ArrayList<>(postingsOverTwoHorizons());
        all.add(LATE);
        long at = line.occurredAt().toEpochMilli();
        return all.stream()
                .filter(p -> p.currency().equals(line.currency()))
                .filter(p -> p.atMs() < at || (p.atMs() == at && p.eventId().compareTo(line.eventId()) <= 0))
                .mapToLong(Posting::amount)
                .sum();
    }

    private static List<EntriesPage> pagesThrough(
            HandBuiltPartitions stores, long fromMs, int limit, boolean instances) {
        List<EntriesPage> pages = new ArrayList<>();
        StatementCursor cursor = null;
        do {
            StatementRead read = new StatementRead(ACCOUNT, fromMs, Long.MAX_VALUE, cursor, limit);
            EntriesPage page = instances ? pageFromInstances(stores, read) : pageFromOneInstance(stores, read);
            pages.add(page);
            cursor = page.nextCursor() == null ? null : StatementCursor.decode(ACCOUNT, page.nextCursor());
        } while (cursor != null && pages.size() < 20);
        return pages;
    }

    @Test
    void partitionsWithDifferentHorizonsShowACurrencyFromItsLatestHorizonWithExactBalances() {
        HandBuiltPartitions stores = foldedAtTwoHorizons();
        StatementRead first = new StatementRead(ACCOUNT, T - HOUR, Long.MAX_VALUE, null, 4);
        for (EntriesPage page : List.of(pageFromInstances(stores, first), pageFromOneInstance(stores, first))) {
            // The window is a1, j1, a2, b2: a1 and a2 are before EUR's latest horizon (T + 4 h) and count unseen.
            assertThat(page.entries())
                    .extracting(EntryBody::eventId, EntryBody::balanceAfter)
                    .containsExactly(tuple("j1", 300L), tuple("b2", 14_740L));
            assertThat(StatementCursor.decode(ACCOUNT, page.nextCursor()))
                    .isEqualTo(new StatementCursor("EUR", T + 4 * HOUR + 5 * MINUTE, "b2"));
            page.entries()
                    .forEach(line ->
                            assertThat(line.balanceAfter()).as(line.eventId()).isEqualTo(sumThrough(line)));
        }
        StatementRead second = new StatementRead(
                ACCOUNT, T - HOUR, Long.MAX_VALUE, new StatementCursor("EUR", T + 4 * HOUR + 5 * MINUTE, "b2"), 4);
        for (EntriesPage page : List.of(pageFromInstances(stores, second), pageFromOneInstance(stores, second))) {
            assertThat(page.entries())
                    .extracting(EntryBody::eventId, EntryBody::balanceAfter)
                    .containsExactly(
                            tuple("a3", 14_690L), tuple("a4", 13_690L), tuple("b3", 14_390L), tuple("b4", 14_398L));
            assertThat(page.nextCursor()).isNull();
        }
    }

    @Test
    void aWindowWhollyBeforeTheLatestHorizonIsAnEmptyPageThatPagesOn() {
        HandBuiltPartitions stores = foldedAtTwoHorizons();
        StatementRead first = new StatementRead(ACCOUNT, T - HOUR, Long.MAX_VALUE, null, 1);
        for (EntriesPage page : List.of(pageFromInstances(stores, first), pageFromOneInstance(stores, first))) {
            assertThat(page.entries()).isEmpty();
            assertThat(StatementCursor.decode(ACCOUNT, page.nextCursor()))
                    .isEqualTo(new StatementCursor("EUR", T + 3 * HOUR + 10 * MINUTE, "a1"));
        }
        for (boolean instances : List.of(true, false)) {
            List<EntriesPage> pages = pagesThrough(stores, T - HOUR, 1, instances);
            // a1, j1, a2, b2, a3, a4, b3, b4: one line a page, a1 and a2 hidden.
            assertThat(pages).extracting(p -> p.entries().size()).containsExactly(0, 1, 0, 1, 1, 1, 1, 1);
            List<EntryBody> lines =
                    pages.stream().flatMap(p -> p.entries().stream()).toList();
            assertThat(lines)
                    .extracting(EntryBody::eventId, EntryBody::balanceAfter)
                    .containsExactly(
                            tuple("j1", 300L),
                            tuple("b2", 14_740L),
                            tuple("a3", 14_690L),
                            tuple("a4", 13_690L),
                            tuple("b3", 14_390L),
                            tuple("b4", 14_398L));
            lines.forEach(
                    line -> assertThat(line.balanceAfter()).as(line.eventId()).isEqualTo(sumThrough(line)));
        }
    }

    @Test
    void everyPageSizeGivesTheSameShownLinesWithTheWholeRunningBalance() {
        HandBuiltPartitions stores = foldedAtTwoHorizons();
        for (int limit = 1; limit <= 9; limit++) {
            for (long fromMs :
                    List.of(Long.MIN_VALUE, T - HOUR, T + 3 * HOUR + 15 * MINUTE, T + 3 * HOUR + 30 * MINUTE)) {
                List<EntryBody> lines = pagesThrough(stores, fromMs, limit, true).stream()
                        .flatMap(p -> p.entries().stream())
                        .toList();
                assertThat(lines)
                        .as("limit %d from %d", limit, fromMs)
                        .extracting(EntryBody::eventId)
                        .containsExactly("j1", "b2", "a3", "a4", "b3", "b4");
                lines.forEach(line ->
                        assertThat(line.balanceAfter()).as(line.eventId()).isEqualTo(sumThrough(line)));
            }
        }
    }
}
