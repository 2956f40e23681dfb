package org.kleline.ledger.simulator.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.account.AccountType;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.replay.LedgerReplay;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.simulator.fixtures.SimulatedYears;

/** The good lines of a simulated year fed to ledger-model's rules, as the projector would decide them. */
class ReplayedYearTest {

    private static final Map<ExpectedOutcome, Outcome> AS_DECIDED = Map.of(
            ExpectedOutcome.ACCEPTED, Outcome.ACCEPTED,
            ExpectedOutcome.REJECTED, Outcome.REJECTED,
            ExpectedOutcome.DUPLICATE, Outcome.DUPLICATE);

    private final List<SimulatedEvent> year = SimulatedYears.events(SimulatedYears.MEDIUM);

    @Test
    void everyGoodLineIsDecidedAsTheGeneratorExpectedAndEveryRejectionIsForLackOfFunds() {
        LedgerReplay ledger = new LedgerReplay(BusinessCalendar.defaultCalendar());
        for (SimulatedEvent event : year) {
            if (event.refusalExpected()) {
                continue;
            }
            Decision<?> decision = ledger.apply(event.envelope());
            assertThat(decision.outcome()).as("%s", event).isEqualTo(AS_DECIDED.get(event.expected()));
            if (decision.outcome() == Outcome.REJECTED) {
                assertThat(decision.reason()).isEqualTo(RejectionReason.INSUFFICIENT_FUNDS);
            }
        }
    }

    @Test
    void theYearLeavesAZeroTrialBalanceAndNoWalletBelowZero() {
        LedgerReplay ledger = replayed();

        assertThat(ledger.trialBalance())
                .allSatisfy((currency, total) -> assertThat(total).isZero());
        assertThat(ledger.trialBalance()).hasSize(1);
        ledger.balances().forEach((accountCurrency, balance) -> {
            if (accountCurrency.account().type() == AccountType.WALLET) {
                assertThat(balance).as("%s", accountCurrency).isNotNegative();
            }
        });
    }

    @Test
    void settlementRowsCountExactlyTheYearsTransactions() {
        LedgerReplay ledger = replayed();

        long counted =
                ledger.settlements().stream().mapToLong(DailySettlement::count).sum();

        assertThat(counted).isEqualTo(60_000);
    }

    @Test
    void mostLinesAreAcceptedWithSmallSharesRejectedAndDuplicate() {
        LedgerReplay ledger = new LedgerReplay(BusinessCalendar.defaultCalendar());
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        long decided = 0;
        for (SimulatedEvent event : year) {
            if (!event.refusalExpected()) {
                outcomes.merge(ledger.apply(event.envelope()).outcome(), 1L, Long::sum);
                decided++;
            }
        }

        assertThat((double) outcomes.get(Outcome.ACCEPTED) / decided).isGreaterThan(0.99);
        assertThat((double) outcomes.get(Outcome.REJECTED) / decided).isBetween(0.00005, 0.002);
        assertThat((double) outcomes.get(Outcome.DUPLICATE) / decided).isBetween(0.003, 0.007);
    }

    private LedgerReplay replayed() {
        LedgerReplay ledger = new LedgerReplay(BusinessCalendar.defaultCalendar());
        year.stream().filter(e -> !e.refusalExpected()).forEach(e -> ledger.apply(e.envelope()));
        return ledger;
    }
}
