package org.kleline.ledger.examples.dailybalances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.examples.dailybalances.DailyLedger.DailyBalance;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

class DailyLedgerTest {

    static final LocalDate D1 = LocalDate.of(2024, 3, 1);
    static final LocalDate D2 = LocalDate.of(2024, 3, 2);

    @TempDir
    Path dir;

    static JournalEntry entry(String id, LocalDate date, Posting... postings) {
        return new JournalEntry(
                id, id, EventType.WalletToppedUp, Instant.parse("2024-03-01T10:00:00Z"), date, List.of(postings));
    }

    static Posting posting(String account, long amount) {
        return new Posting(account, "EUR", amount);
    }

    @Test
    void closingBalancesAddUpEachAccountsMovementsWhateverTheOrderEntriesArriveIn() {
        DailyLedger ledger = new DailyLedger();
        // the later date first, as an import of past events or another partition would deliver it
        ledger.book(entry("e-2", D2, posting("wallet:w", -300), posting("platform:card-clearing", 300)));
        ledger.book(entry("e-1", D1, posting("wallet:w", 1_000), posting("platform:card-clearing", -1_000)));
        ledger.book(entry("e-3", D1, posting("wallet:w", 500), posting("platform:card-clearing", -500)));

        assertThat(ledger.dailyBalances())
                .containsExactly(
                        new DailyBalance("platform:card-clearing", "EUR", D1, -1_500, -1_500),
                        new DailyBalance("platform:card-clearing", "EUR", D2, 300, -1_200),
                        new DailyBalance("wallet:w", "EUR", D1, 1_500, 1_500),
                        new DailyBalance("wallet:w", "EUR", D2, -300, 1_200));
        assertThat(ledger.closingBalance("wallet:w", "EUR", D1.minusDays(1))).isZero();
        assertThat(ledger.closingBalance("wallet:w", "EUR", D2.plusDays(30))).isEqualTo(1_200);
    }

    @Test
    void theDailyBalancesCsvHasAHeaderAndOneCommaSeparatedLineAnAccountAndDay() {
        DailyLedger ledger = new DailyLedger();
        ledger.book(entry("e-1", D1, posting("wallet:w", 1_000), posting("platform:card-clearing", -1_000)));
        ledger.book(entry("e-2", D2, posting("wallet:w", -300), posting("platform:card-clearing", 300)));

        assertThat(LedgerFiles.dailyBalancesCsv(ledger))
                .isEqualTo("account,currency,business_date,movement,closing_balance\n"
                        + "platform:card-clearing,EUR,2024-03-01,-1000,-1000\n"
                        + "platform:card-clearing,EUR,2024-03-02,300,-700\n"
                        + "wallet:w,EUR,2024-03-01,1000,1000\n"
                        + "wallet:w,EUR,2024-03-02,-300,700\n");
    }

    @Test
    void anEntryDeliveredAgainIsNotBookedTwice() {
        DailyLedger ledger = new DailyLedger();
        JournalEntry entry = entry("e-1", D1, posting("wallet:w", 1_000), posting("platform:card-clearing", -1_000));

        assertThat(ledger.book(entry)).isTrue();
        assertThat(ledger.book(entry)).isFalse();

        assertThat(ledger.closingBalance("wallet:w", "EUR", D1)).isEqualTo(1_000);
    }

    @Test
    void aSumThatWouldOverflowFailsInsteadOfWrapping() {
        DailyLedger ledger = new DailyLedger();
        ledger.book(entry(
                "e-1", D1, posting("wallet:w", Long.MAX_VALUE), posting("platform:card-clearing", Long.MIN_VALUE + 1)));

        assertThatThrownBy(() ->
                        ledger.book(entry("e-2", D1, posting("wallet:w", 1), posting("platform:card-clearing", -1))))
                .isInstanceOf(ArithmeticException.class);
        assertThat(ledger.bookedEntries()).containsExactly("e-1");
        assertThat(ledger.closingBalance("wallet:w", "EUR", D1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theLatestSettlementRowOfAKeyWins() {
        DailyLedger ledger = new DailyLedger();
        ledger.upsertSettlement("m-1|2024-03-01|EUR", row(1, 100, 0, SettlementStatus.OPEN));
        ledger.upsertSettlement("m-1|2024-03-01|EUR", row(2, 250, 240, SettlementStatus.PAID));

        assertThat(ledger.settlements()).hasSize(1);
        assertThat(ledger.settlements().get("m-1|2024-03-01|EUR").getCount()).isEqualTo(2);
        assertThat(ledger.settlements().get("m-1|2024-03-01|EUR").getStatus()).isEqualTo(SettlementStatus.PAID);
    }

    @Test
    void theBooksSavedAreTheBooksLoadedAndTheReportsFollowThem() throws Exception {
        DailyLedger ledger = new DailyLedger();
        ledger.book(entry("e-1", D1, posting("wallet:w", 1_000), posting("platform:card-clearing", -1_000)));
        ledger.book(entry("e-empty", D1));
        ledger.upsertSettlement("m-1|2024-03-01|EUR", row(2, 250, 240, SettlementStatus.PAID));
        LedgerFiles files = new LedgerFiles(dir.resolve("books"));

        files.save(ledger);
        DailyLedger loaded = files.load();

        assertThat(loaded.bookedEntries()).containsExactlyInAnyOrder("e-1", "e-empty");
        assertThat(loaded.movements()).isEqualTo(ledger.movements());
        assertThat(loaded.settlements()).isEqualTo(ledger.settlements());
        assertThat(Files.readString(dir.resolve("books").resolve(LedgerFiles.DAILY_BALANCES)))
                .isEqualTo("""
                account,currency,business_date,movement,closing_balance
                platform:card-clearing,EUR,2024-03-01,-1000,-1000
                wallet:w,EUR,2024-03-01,1000,1000
                """);
        assertThat(Files.readString(dir.resolve("books").resolve(LedgerFiles.SETTLEMENTS)))
                .isEqualTo("""
                merchant_id,business_date,currency,count,gross,refunds,chargebacks,fees,commission,net,paid_out,payouts,status
                m-1,2024-03-01,EUR,2,250,0,0,10,3,240,240,1,PAID
                """);
        assertThat(dir.resolve("books")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aFirstRunStartsFromEmptyBooks() {
        DailyLedger loaded = new LedgerFiles(dir.resolve("nothing-yet")).load();

        assertThat(loaded.bookedEntries()).isEmpty();
        assertThat(loaded.dailyBalances()).isEmpty();
    }

    @Test
    void theCommandLineNeedsBothAddresses() throws Exception {
        assertThatThrownBy(() -> DailyBalances.Options.parse("--bootstrap-servers", "127.0.0.1:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--schema-registry-url");

        DailyBalances.Options options = DailyBalances.Options.parse(
                "--bootstrap-servers",
                "127.0.0.1:9092",
                "--schema-registry-url",
                "http://127.0.0.1:8081",
                "--until-caught-up");

        assertThat(options.settings().groupId()).isEqualTo("accounting-daily-balances");
        assertThat(options.out()).isEqualTo(Path.of("daily-balances"));
        assertThat(options.untilCaughtUp()).isTrue();
    }

    private static SettlementRow row(long count, long gross, long net, SettlementStatus status) {
        boolean paid = status == SettlementStatus.PAID;
        return SettlementRows.row(
                "m-1", D1, count, gross, 0, gross - net, 3, net, paid ? net : 0, paid ? 1 : 0, status);
    }
}
