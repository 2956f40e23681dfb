package org.kleline.ledger.model.totals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.fixtures.Events;
import org.kleline.ledger.model.journal.JournalLine;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;

/**
 * The one function that says whether an entry's postings fit the running totals of a partition, and
 * what they become: figures by hand around {@link Long#MAX_VALUE}.
 */
class RunningTotalsTest {

    private static final long MAX = Long.MAX_VALUE;
    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final CurrencyCode USD = CurrencyCode.of("USD");

    /** Parts named "account|currency" and "trial|currency", held in a map. */
    private final Map<String, RunningTotal> stored = new HashMap<>();

    private final RunningTotals.Parts<String> parts = new RunningTotals.Parts<>() {
        @Override
        public List<String> accountParts(JournalLine posting) {
            return List.of(posting.account().value() + "|" + posting.currency().code());
        }

        @Override
        public String trialBalancePart(CurrencyCode currency) {
            return "trial|" + currency.code();
        }

        @Override
        public RunningTotal current(String part) {
            return stored.get(part);
        }
    };

    private static JournalLine posting(String account, CurrencyCode currency, long amount) {
        return new JournalLine(AccountId.parse(account), currency, amount);
    }

    private static List<JournalLine> topUp(long amount) {
        return List.of(posting("platform:card-clearing", EUR, -amount), posting("wallet:w-1", EUR, amount));
    }

    @Test
    void aCreditGoesToCreditsADebitToDebitsAndEachCountsOnce() {
        assertThat(RunningTotal.ZERO.plusOrNull(500)).isEqualTo(new RunningTotal(500, 0, 1));
        assertThat(new RunningTotal(500, 0, 1).plusOrNull(-200)).isEqualTo(new RunningTotal(500, 200, 2));
        assertThat(new RunningTotal(500, 200, 2).balance()).isEqualTo(300);
    }

    @Test
    void aTotalReachesLongMaxValueExactlyAndNotOneMore() {
        RunningTotal nearlyFull = new RunningTotal(MAX - 10, MAX - 10, 7);

        assertThat(nearlyFull.plusOrNull(10)).isEqualTo(new RunningTotal(MAX, MAX - 10, 8));
        assertThat(nearlyFull.plusOrNull(11)).isNull();
        assertThat(nearlyFull.plusOrNull(-10)).isEqualTo(new RunningTotal(MAX - 10, MAX, 8));
        assertThat(nearlyFull.plusOrNull(-11)).isNull();
        assertThat(nearlyFull.plusOrNull(new RunningTotal(10, 10, 1))).isEqualTo(new RunningTotal(MAX, MAX, 8));
        assertThat(nearlyFull.plusOrNull(new RunningTotal(11, 0, 1))).isNull();
        assertThat(new RunningTotal(0, 0, MAX).plusOrNull(1)).isNull();
        assertThat(new RunningTotal(MAX, MAX, 1).balance()).isZero();
        assertThat(new RunningTotal(0, MAX, 1).balance()).isEqualTo(-MAX);
    }

    @Test
    void anEntryThatFitsGivesEveryPartItsNewValueAndChangesNothing() {
        stored.put("wallet:w-1|EUR", new RunningTotal(1_000, 0, 1));
        stored.put("trial|EUR", new RunningTotal(1_000, 1_000, 2));

        RunningTotals.Sum<String> sum = RunningTotals.add(topUp(500), parts);

        assertThat(sum.fits()).isTrue();
        assertThat(sum.overflowing()).isNull();
        assertThat(sum.after())
                .containsExactly(
                        Map.entry("platform:card-clearing|EUR", new RunningTotal(0, 500, 1)),
                        Map.entry("wallet:w-1|EUR", new RunningTotal(1_500, 0, 2)),
                        Map.entry("trial|EUR", new RunningTotal(1_500, 1_500, 4)));
        assertThat(stored).hasSize(2).containsEntry("wallet:w-1|EUR", new RunningTotal(1_000, 0, 1));
    }

    @Test
    void anAccountPartNearTheMaximumOverflowsAndNamesThatPart() {
        stored.put("wallet:w-1|EUR", new RunningTotal(MAX - 499, 0, 1));

        RunningTotals.Sum<String> sum = RunningTotals.add(topUp(500), parts);

        assertThat(sum.fits()).isFalse();
        assertThat(sum.overflowing()).isEqualTo("wallet:w-1|EUR");
        assertThat(sum.after()).isEmpty();
        assertThat(RunningTotals.add(topUp(499), parts).fits()).isTrue();
    }

    @Test
    void theTrialBalancePartNearTheMaximumOverflowsWhileEveryAccountPartFits() {
        stored.put("trial|EUR", new RunningTotal(MAX - 499, MAX - 499, 2));

        RunningTotals.Sum<String> sum = RunningTotals.add(topUp(500), parts);

        assertThat(sum.overflowing()).isEqualTo("trial|EUR");
        assertThat(RunningTotals.add(topUp(499), parts).after())
                .containsEntry("trial|EUR", new RunningTotal(MAX, MAX, 4));
    }

    @Test
    void twoPostingsToOnePartAddUpBeforeTheCheckAndEachCurrencyHasItsOwnTrialPart() {
        stored.put("merchant:m-1|EUR", new RunningTotal(0, MAX - 150, 1));
        List<JournalLine> twice = List.of(
                posting("merchant:m-1", EUR, -100),
                posting("platform:payouts", EUR, 100),
                posting("merchant:m-1", EUR, -100),
                posting("platform:payouts", EUR, 100));
        List<JournalLine> twoCurrencies = List.of(
                posting("merchant:m-1", EUR, -100),
                posting("platform:payouts", EUR, 100),
                posting("merchant:m-2", USD, -7),
                posting("platform:payouts", USD, 7));

        assertThat(RunningTotals.add(twice, parts).overflowing()).isEqualTo("merchant:m-1|EUR");
        RunningTotals.Sum<String> fits = RunningTotals.add(twoCurrencies, parts);
        assertThat(fits.after())
                .containsEntry("merchant:m-1|EUR", new RunningTotal(0, MAX - 50, 2))
                .containsEntry("trial|EUR", new RunningTotal(100, 100, 2))
                .containsEntry("trial|USD", new RunningTotal(7, 7, 2));
    }

    @Test
    void everyPartAPostingNamesIsChecked() {
        RunningTotals.Parts<String> withHours = new RunningTotals.Parts<>() {
            @Override
            public List<String> accountParts(JournalLine posting) {
                String accountCurrency =
                        posting.account().value() + "|" + posting.currency().code();
                return List.of(accountCurrency, accountCurrency + "|hour");
            }

            @Override
            public String trialBalancePart(CurrencyCode currency) {
                return parts.trialBalancePart(currency);
            }

            @Override
            public RunningTotal current(String part) {
                return stored.get(part);
            }
        };
        stored.put("wallet:w-1|EUR|hour", new RunningTotal(MAX, 0, 1));

        assertThat(RunningTotals.add(topUp(1), withHours).overflowing()).isEqualTo("wallet:w-1|EUR|hour");
    }

    @Test
    void limitExceededRejectsAnAcceptedDecisionKeepingTheStateItWasGivenAndRefusesAnyOther() {
        EventEnvelope event = Events.event("top-1", Events.topUp("w-1", 500));
        AggregateKey key = AggregateKey.of(event);
        Decision<String> accepted = Decision.accepted(event, key, Events.D0, topUp(500), "after", null);

        Decision<String> rejected = RunningTotals.limitExceeded(accepted, "before");

        assertThat(rejected.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(rejected.reason()).isEqualTo(RejectionReason.LIMIT_EXCEEDED);
        assertThat(rejected.postings()).isEmpty();
        assertThat(rejected.settlementEffect()).isNull();
        assertThat(rejected.nextState()).isEqualTo("before");
        assertThat(rejected.recordsEventId()).isTrue();
        assertThatThrownBy(() -> RunningTotals.limitExceeded(rejected, "before"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("top-1 is REJECTED");
    }
}
