package org.kleline.ledger.query.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.query.body.BalanceBody;
import org.kleline.ledger.query.body.EntriesPage;
import org.kleline.ledger.query.body.EntryBody;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.query.body.TrialBalanceLine;
import org.kleline.ledger.query.figures.FigureOutOfRangeException;
import org.kleline.ledger.query.reads.AccountBalancesPart;
import org.kleline.ledger.query.reads.StatementPart;
import org.kleline.ledger.query.reads.TrialBalancePart;
import org.kleline.ledger.query.reads.TrialBalanceParts;
import org.kleline.ledger.query.statement.StatementCursor;
import org.kleline.ledger.query.statement.StatementLine;

class PartMergesTest {

    private static final String ACCOUNT = "platform:fees";

    @Test
    void balancesOfEveryInstanceAreListedByCurrency() {
        List<BalanceBody> merged = PartMerges.balances(
                ACCOUNT,
                List.of(
                        new AccountBalancesPart(List.of(new BalanceBody("JPY", 300, 300, 0)), true, null),
                        new AccountBalancesPart(List.of(), false, null),
                        new AccountBalancesPart(List.of(new BalanceBody("EUR", -50, 100, 150)), true, null)));
        assertThat(merged).containsExactly(new BalanceBody("EUR", -50, 100, 150), new BalanceBody("JPY", 300, 300, 0));
    }

    @Test
    void anAsOfReadIsRefusedFromTheLatestHorizonThatRefusedIt() {
        assertThat(PartMerges.refusedBefore(List.of(
                        new AccountBalancesPart(List.of(), true, 7_200_000L),
                        new AccountBalancesPart(List.of(new BalanceBody("EUR", 1, 1, 0)), true, null),
                        new AccountBalancesPart(List.of(), true, 3_600_000L))))
                .isEqualTo(7_200_000L);
        assertThat(PartMerges.refusedBefore(
                        List.of(new AccountBalancesPart(List.of(new BalanceBody("EUR", 1, 1, 0)), true, null))))
                .isNull();
    }

    @Test
    void aCurrencyAnsweredByTwoPartsIsTheSumOfBoth() {
        List<BalanceBody> merged = PartMerges.balances(
                ACCOUNT,
                List.of(
                        new AccountBalancesPart(
                                List.of(new BalanceBody("EUR", -50, 100, 150), new BalanceBody("JPY", 9, 9, 0)),
                                true,
                                null),
                        new AccountBalancesPart(List.of(new BalanceBody("EUR", 300, 400, 100)), true, null)));
        assertThat(merged).containsExactly(new BalanceBody("EUR", 250, 500, 250), new BalanceBody("JPY", 9, 9, 0));
    }

    @Test
    void aSumOfPartsBeyondTheRangeOfALongIsA422NamingTheFigureNotAWrapOrA500() {
        assertThatThrownBy(() -> PartMerges.balances(
                        ACCOUNT,
                        List.of(
                                new AccountBalancesPart(
                                        List.of(new BalanceBody("EUR", Long.MAX_VALUE, Long.MAX_VALUE, 0)), true, null),
                                new AccountBalancesPart(List.of(new BalanceBody("EUR", 1, 1, 0)), true, null))))
                .isInstanceOfSatisfying(FigureOutOfRangeException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().type()).isEqualTo("urn:kleline:ledger:problem:out-of-range");
                    assertThat(e.problem().detail())
                            .startsWith(
                                    "the credits of account platform:fees in EUR, added "
                                            + "over the partitions of the ledger, is beyond the range of a 64-bit count of minor units");
                });
    }

    @Test
    void creditsAndDebitsNearTheMaximumInEachPartAddUpWhenTheirSumsFit() {
        long half = Long.MAX_VALUE / 2;
        List<BalanceBody> merged = PartMerges.balances(
                ACCOUNT,
                List.of(
                        new AccountBalancesPart(List.of(new BalanceBody("EUR", -half, 0, half)), true, null),
                        new AccountBalancesPart(List.of(new BalanceBody("EUR", half, half + 1, 1)), true, null),
                        new AccountBalancesPart(List.of(new BalanceBody("EUR", half, half, 0)), true, null)));

        assertThat(merged).containsExactly(new BalanceBody("EUR", half, Long.MAX_VALUE, half + 1));
        assertThatThrownBy(() -> PartMerges.balances(
                        ACCOUNT,
                        List.of(
                                new AccountBalancesPart(
                                        List.of(new BalanceBody("EUR", -Long.MAX_VALUE, 0, Long.MAX_VALUE)),
                                        true,
                                        null),
                                new AccountBalancesPart(List.of(new BalanceBody("EUR", -1, 0, 1)), true, null))))
                .isInstanceOf(FigureOutOfRangeException.class)
                .hasMessageStartingWith("the debits of account platform:fees in EUR");
    }

    @Test
    void aTrialBalanceWhoseCreditsPassTheRangeIsA422NamingTheCurrency() {
        assertThatThrownBy(() -> PartMerges.trialBalance(TrialBalanceParts.euroBeyondTheRange()))
                .isInstanceOf(FigureOutOfRangeException.class)
                .hasMessageStartingWith("the credits of the trial balance in EUR, added over the partitions");
    }

    @Test
    void aStatementWhoseBalanceAfterALinePassesTheRangeIsA422NamingTheLine() {
        StatementPart nearlyFull =
                new StatementPart(List.of(line("EUR", 10, "big", Long.MAX_VALUE - 100)), Map.of("EUR", 0L), false);
        StatementPart other = new StatementPart(List.of(line("EUR", 20, "more", 101)), Map.of("EUR", 0L), false);

        assertThatThrownBy(() -> PartMerges.statement(ACCOUNT, List.of(nearlyFull, other), 10))
                .isInstanceOf(FigureOutOfRangeException.class)
                .hasMessageStartingWith(
                        "the balance after event more on platform:fees in EUR, added over the partitions");
        assertThatThrownBy(() -> PartMerges.statement(
                        ACCOUNT,
                        List.of(
                                new StatementPart(
                                        List.of(line("EUR", 10, "x", 1)), Map.of("EUR", Long.MAX_VALUE), false),
                                new StatementPart(List.of(), Map.of("EUR", 1L), false)),
                        10))
                .isInstanceOf(FigureOutOfRangeException.class)
                .hasMessageStartingWith("the opening of the statement of platform:fees in EUR");
    }

    @Test
    void anAsOfReadAnsweredByOnePartAndRefusedByAnotherIsRefused() {
        List<AccountBalancesPart> parts = List.of(
                new AccountBalancesPart(List.of(new BalanceBody("EUR", 1_000, 1_000, 0)), true, null),
                new AccountBalancesPart(List.of(), true, 14_400_000L));
        assertThat(PartMerges.refusedBefore(parts)).isEqualTo(14_400_000L);
    }

    @Test
    void statementLinesOfSeveralCurrenciesInterleaveByTimeThenEventId() {
        EntriesPage page = PartMerges.statement(ACCOUNT, euroAndYenParts(), 10);
        assertThat(page.entries()).extracting(EntryBody::eventId).containsExactly("a", "b", "c", "d");
        assertThat(page.entries()).extracting(EntryBody::balanceAfter).containsExactly(7L, 5L, 14L, 10L);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void aFullPageEndsWithTheCursorOfItsLastLine() {
        EntriesPage page = PartMerges.statement(ACCOUNT, euroAndYenParts(), 3);
        assertThat(page.entries()).extracting(EntryBody::eventId).containsExactly("a", "b", "c");
        assertThat(StatementCursor.decode(ACCOUNT, page.nextCursor())).isEqualTo(new StatementCursor("JPY", 20, "c"));
    }

    @Test
    void aPartThatHasMoreLinesThanItGaveMakesACursorEvenWhenThePageIsNotFull() {
        StatementPart eur = new StatementPart(List.of(line("EUR", 10, "b", 5)), Map.of("EUR", 0L), true);
        EntriesPage page = PartMerges.statement(ACCOUNT, List.of(eur), 1);
        assertThat(page.nextCursor()).isNotNull();
    }

    @Test
    void noLinesMakeAnEmptyLastPage() {
        EntriesPage page =
                PartMerges.statement(ACCOUNT, List.of(new StatementPart(List.of(), Map.of("EUR", 40L), false)), 5);
        assertThat(page.entries()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void linesOfTwoPartitionsRunOneBalanceFromTheSumOfTheirOpenings() {
        // Partition A opens EUR at 1000, partition B at -300; their lines alternate.
        StatementPart a = new StatementPart(
                List.of(line("EUR", 10, "a1", 50), line("EUR", 30, "a2", -20)), Map.of("EUR", 1_000L), false);
        StatementPart b = new StatementPart(
                List.of(line("EUR", 20, "b1", 5), line("EUR", 40, "b2", 100)), Map.of("EUR", -300L), false);
        EntriesPage page = PartMerges.statement(ACCOUNT, List.of(a, b), 10);
        assertThat(page.entries()).extracting(EntryBody::eventId).containsExactly("a1", "b1", "a2", "b2");
        assertThat(page.entries()).extracting(EntryBody::balanceAfter).containsExactly(750L, 755L, 735L, 835L);
    }

    @Test
    void aPartWithNoLineInThePageStillAddsItsOpening() {
        StatementPart lines = new StatementPart(List.of(line("EUR", 10, "a1", 50)), Map.of("EUR", 1_000L), false);
        StatementPart none = new StatementPart(List.of(), Map.of("EUR", 250L, "JPY", 9L), false);
        EntriesPage page = PartMerges.statement(ACCOUNT, List.of(none, lines), 10);
        assertThat(page.entries()).extracting(EntryBody::balanceAfter).containsExactly(1_300L);
    }

    @Test
    void aLineHeldByTwoPartitionsIsShownOnceWithBothAmountsAndTakesOnePlaceInThePage() {
        StatementPart a =
                new StatementPart(List.of(line("EUR", 10, "x", 7), line("EUR", 20, "y", 1)), Map.of("EUR", 0L), false);
        StatementPart b = new StatementPart(
                List.of(line("EUR", 10, "x", 8), line("JPY", 10, "x", 3)), Map.of("EUR", 100L, "JPY", 0L), false);
        EntriesPage page = PartMerges.statement(ACCOUNT, List.of(a, b), 3);
        assertThat(page.entries())
                .extracting(EntryBody::eventId, EntryBody::currency, EntryBody::amount, EntryBody::balanceAfter)
                .containsExactly(tuple("x", "EUR", 15L, 115L), tuple("x", "JPY", 3L, 3L), tuple("y", "EUR", 1L, 116L));
        assertThat(page.nextCursor()).isNull();

        EntriesPage shorter = PartMerges.statement(ACCOUNT, List.of(a, b), 1);
        assertThat(shorter.entries()).extracting(EntryBody::amount).containsExactly(15L);
        assertThat(StatementCursor.decode(ACCOUNT, shorter.nextCursor()))
                .isEqualTo(new StatementCursor("EUR", 10, "x"));
    }

    @Test
    void linesBeforeTheLatestHorizonOfTheirCurrencyAreNotShownButCountInTheBalance() {
        // Part A keeps EUR lines from 10, part B folded its EUR postings before 25 into its opening.
        StatementPart a = new StatementPart(
                List.of(line("EUR", 10, "a1", 50), line("EUR", 30, "a2", -20), line("JPY", 12, "j1", 4)),
                Map.of("EUR", 1_000L, "JPY", 0L),
                false,
                Map.of("EUR", 10L, "JPY", 10L));
        StatementPart b =
                new StatementPart(List.of(line("EUR", 40, "b2", 100)), Map.of("EUR", -300L), false, Map.of("EUR", 25L));
        EntriesPage page = PartMerges.statement(ACCOUNT, List.of(a, b), 10);
        assertThat(page.entries())
                .extracting(EntryBody::eventId, EntryBody::balanceAfter)
                .containsExactly(tuple("j1", 4L), tuple("a2", 730L), tuple("b2", 830L));
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void aWindowOfHiddenLinesGivesAnEmptyPageWithACursorAtItsLastLine() {
        StatementPart a = new StatementPart(
                List.of(line("EUR", 10, "a1", 50), line("EUR", 20, "a2", -20)),
                Map.of("EUR", 0L),
                true,
                Map.of("EUR", 0L));
        StatementPart b = new StatementPart(List.of(), Map.of("EUR", 500L), false, Map.of("EUR", 60L));
        EntriesPage page = PartMerges.statement(ACCOUNT, List.of(a, b), 2);
        assertThat(page.entries()).isEmpty();
        assertThat(StatementCursor.decode(ACCOUNT, page.nextCursor())).isEqualTo(new StatementCursor("EUR", 20, "a2"));
    }

    @Test
    void withoutHorizonsEveryLineIsShown() {
        StatementPart a = new StatementPart(
                List.of(line("EUR", Long.MIN_VALUE, "a0", 3), line("EUR", 10, "a1", 50)),
                Map.of("EUR", 0L),
                false,
                Map.of("EUR", Long.MIN_VALUE));
        StatementPart old = new StatementPart(List.of(line("EUR", 20, "b1", 5)), Map.of("EUR", 7L), false);
        EntriesPage page = PartMerges.statement(ACCOUNT, List.of(a, old), 10);
        assertThat(page.entries())
                .extracting(EntryBody::eventId, EntryBody::balanceAfter)
                .containsExactly(tuple("a0", 10L), tuple("a1", 60L), tuple("b1", 65L));
    }

    @Test
    void aLineWithoutAnOpeningInItsCurrencyIsABug() {
        StatementPart bad = new StatementPart(List.of(line("EUR", 10, "x", 7)), Map.of("JPY", 0L), false);
        assertThatThrownBy(() -> PartMerges.statement(ACCOUNT, List.of(bad), 5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EUR");
    }

    @Test
    void theTrialBalanceAddsEveryInstancesPartsPerCurrency() {
        List<TrialBalanceLine> lines = PartMerges.trialBalance(List.of(
                List.of(
                        new TrialBalancePart("EUR", 1_000, 600, 4, List.of("a", "b", "c")),
                        new TrialBalancePart("JPY", 50, 50, 2, List.of("a", "d"))),
                List.of(new TrialBalancePart("EUR", 200, 600, 3, List.of("d", "e")))));
        assertThat(lines)
                .containsExactly(
                        new TrialBalanceLine("EUR", 0, 5, 1_200, 1_200, 7),
                        new TrialBalanceLine("JPY", 0, 2, 50, 50, 2));
    }

    @Test
    void anAccountHeldByPartitionsOfSeveralInstancesIsCountedOnce() {
        List<TrialBalanceLine> lines = PartMerges.trialBalance(List.of(
                List.of(new TrialBalancePart("EUR", 500, 200, 3, List.of("platform:fees", "wallet:w1"))),
                List.of(new TrialBalancePart("EUR", 100, 400, 2, List.of("platform:fees", "wallet:w2"))),
                List.of(new TrialBalancePart("EUR", 0, 0, 0, List.of("wallet:w1")))));
        assertThat(lines).containsExactly(new TrialBalanceLine("EUR", 0, 3, 600, 600, 5));
    }

    @Test
    void anUnbalancedLedgerShowsANonZeroTotal() {
        List<TrialBalanceLine> lines =
                PartMerges.trialBalance(List.of(List.of(new TrialBalancePart("EUR", 10, 3, 2, List.of("a", "b")))));
        assertThat(lines).containsExactly(new TrialBalanceLine("EUR", 7, 2, 10, 3, 2));
    }

    @Test
    void aMerchantsRowsAreByDateAndADatesRowsByMerchant() {
        LocalDate d1 = LocalDate.parse("2024-03-01");
        LocalDate d2 = LocalDate.parse("2024-03-02");
        SettlementRowBody m2d1 = row("m-2", d1);
        SettlementRowBody m1d2 = row("m-1", d2);
        SettlementRowBody m1d1 = row("m-1", d1);
        assertThat(PartMerges.rowsByDate(List.of(List.of(m1d2), List.of(m1d1)))).containsExactly(m1d1, m1d2);
        assertThat(PartMerges.rowsByMerchant(List.of(List.of(m2d1), List.of(m1d1))))
                .containsExactly(m1d1, m2d1);
    }

    /** Two parts of one account, euro lines at 10 and 30 and yen lines at 10 and 20, nothing held back. */
    private static List<StatementPart> euroAndYenParts() {
        StatementPart eur =
                new StatementPart(List.of(line("EUR", 10, "b", 5), line("EUR", 30, "d", 5)), Map.of("EUR", 0L), false);
        StatementPart jpy =
                new StatementPart(List.of(line("JPY", 10, "a", 7), line("JPY", 20, "c", 7)), Map.of("JPY", 0L), false);
        return List.of(eur, jpy);
    }

    private static StatementLine line(String currency, long t, String eventId, long amount) {
        return new StatementLine(currency, eventId, "CardPaymentCaptured", t, amount);
    }

    private static SettlementRowBody row(String merchantId, LocalDate date) {
        return new SettlementRowBody(merchantId, date, "EUR", 1, 1_000, 0, 0, 50, 10, 950, 0, 0, "OPEN");
    }

    @Test
    void anEntryShowsItsTimeAsAnInstant() {
        assertThat(line("EUR", 1_709_287_200_123L, "x", -3).toBody(-3).occurredAt())
                .isEqualTo(Instant.parse("2024-03-01T10:00:00.123Z"));
    }
}
