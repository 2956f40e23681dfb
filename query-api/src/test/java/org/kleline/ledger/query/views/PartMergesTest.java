package org.kleline.ledger.query.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.query.body.BalanceBody;
import org.kleline.ledger.query.body.EntriesPage;
import org.kleline.ledger.query.body.EntryBody;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.query.body.TrialBalanceLine;
import org.kleline.ledger.query.reads.AccountBalancesPart;
import org.kleline.ledger.query.reads.StatementLine;
import org.kleline.ledger.query.reads.StatementPart;
import org.kleline.ledger.query.reads.TrialBalancePart;
import org.kleline.ledger.query.statement.StatementCursor;

class PartMergesTest {

    private static final String ACCOUNT = "platform:fees";

    @Test
    void balancesOfEveryInstanceAreListedByCurrency() {
        List<BalanceBody> merged = PartMerges.balances(List.of(
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
                new AccountBalancesPart(List.of(), true, 3_600_000L)))).isEqualTo(7_200_000L);
        assertThat(PartMerges.refusedBefore(List.of(
                new AccountBalancesPart(List.of(new BalanceBody("EUR", 1, 1, 0)), true, null)))).isNull();
    }

    @Test
    void aCurrencyAnsweredTwiceIsABugNotASum() {
        assertThatThrownBy(() -> PartMerges.balances(List.of(
                new AccountBalancesPart(List.of(new BalanceBody("EUR", 1, 1, 0)), true, null),
                new AccountBalancesPart(List.of(new BalanceBody("EUR", 1, 1, 0)), true, null))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void statementLinesOfSeveralCurrenciesInterleaveByTimeThenEventId() {
        StatementPart eur = new StatementPart(List.of(line("EUR", 10, "b", 5, 5), line("EUR", 30, "d", 5, 10)), false, true);
        StatementPart jpy = new StatementPart(List.of(line("JPY", 10, "a", 7, 7), line("JPY", 20, "c", 7, 14)), false, true);
        EntriesPage page = PartMerges.statement(ACCOUNT, List.of(eur, jpy), 10);
        assertThat(page.entries()).extracting(EntryBody::eventId).containsExactly("a", "b", "c", "d");
        assertThat(page.entries()).extracting(EntryBody::balanceAfter).containsExactly(7L, 5L, 14L, 10L);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void aFullPageEndsWithTheCursorOfItsLastLine() {
        StatementPart eur = new StatementPart(List.of(line("EUR", 10, "b", 5, 5), line("EUR", 30, "d", 5, 10)), false, true);
        StatementPart jpy = new StatementPart(List.of(line("JPY", 10, "a", 7, 7), line("JPY", 20, "c", 7, 14)), false, true);
        EntriesPage page = PartMerges.statement(ACCOUNT, List.of(eur, jpy), 3);
        assertThat(page.entries()).extracting(EntryBody::eventId).containsExactly("a", "b", "c");
        assertThat(StatementCursor.decode(ACCOUNT, page.nextCursor())).isEqualTo(new StatementCursor("JPY", 20, "c"));
    }

    @Test
    void aPartThatHasMoreLinesThanItGaveMakesACursorEvenWhenThePageIsNotFull() {
        StatementPart eur = new StatementPart(List.of(line("EUR", 10, "b", 5, 5)), true, true);
        EntriesPage page = PartMerges.statement(ACCOUNT, List.of(eur), 1);
        assertThat(page.nextCursor()).isNotNull();
    }

    @Test
    void noLinesMakeAnEmptyLastPage() {
        EntriesPage page = PartMerges.statement(ACCOUNT, List.of(new StatementPart(List.of(), false, true)), 5);
        assertThat(page.entries()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void theTrialBalanceAddsEveryInstancesPartsPerCurrency() {
        List<TrialBalanceLine> lines = PartMerges.trialBalance(List.of(
                List.of(new TrialBalancePart("EUR", 1_000, 600, 4, 3), new TrialBalancePart("JPY", 50, 50, 2, 2)),
                List.of(new TrialBalancePart("EUR", 200, 600, 3, 2))));
        assertThat(lines).containsExactly(
                new TrialBalanceLine("EUR", 0, 5, 1_200, 1_200, 7),
                new TrialBalanceLine("JPY", 0, 2, 50, 50, 2));
    }

    @Test
    void anUnbalancedLedgerShowsANonZeroTotal() {
        List<TrialBalanceLine> lines = PartMerges.trialBalance(List.of(List.of(new TrialBalancePart("EUR", 10, 3, 2, 2))));
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
        assertThat(PartMerges.rowsByMerchant(List.of(List.of(m2d1), List.of(m1d1)))).containsExactly(m1d1, m2d1);
    }

    private static StatementLine line(String currency, long t, String eventId, long amount, long balanceAfter) {
        return new StatementLine(currency, eventId, "CardPaymentCaptured", t, amount, balanceAfter);
    }

    private static SettlementRowBody row(String merchantId, LocalDate date) {
        return new SettlementRowBody(merchantId, date, "EUR", 1, 1_000, 0, 0, 50, 10, 950, 0, 0, "OPEN");
    }

    @Test
    void anEntryShowsItsTimeAsAnInstant() {
        assertThat(line("EUR", 1_709_287_200_123L, "x", -3, -3).toBody().occurredAt())
                .isEqualTo(Instant.parse("2024-03-01T10:00:00.123Z"));
    }
}
