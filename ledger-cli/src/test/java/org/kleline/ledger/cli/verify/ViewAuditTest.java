package org.kleline.ledger.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.settlement.SettlementRow;

class ViewAuditTest extends AuditOverSmallLedger {

    @Test
    void theRecomputationFollowsTheRulesOfDomainMd() {
        assertThat(recomputed.outcomes(Outcome.ACCEPTED)).isEqualTo(4);
        assertThat(recomputed.outcomes(Outcome.DUPLICATE)).isEqualTo(1);
        assertThat(recomputed.balances())
                .containsOnlyKeys(
                        "wallet:w-1", "merchant:m-1", "platform:fees", "partner:p-1", "platform:card-clearing");
        assertThat(recomputed.balances().get("merchant:m-1").get("EUR")).isEqualTo(new BalanceLine("EUR", 895, 895, 0));
        assertThat(recomputed.balances().get("wallet:w-1").get("EUR"))
                .isEqualTo(new BalanceLine("EUR", 9_000, 10_000, 1_000));
        assertThat(recomputed.trialBalance())
                .isEqualTo(Map.of("EUR", new RecomputedTrialBalance("EUR", 0, 5, 11_000, 11_000, 6)));
        SettlementRow row =
                recomputed.settlementRowsByDate().get(LocalDate.of(1999, 6, 1)).get(0);
        assertThat(List.of(row.getCount(), row.getGross(), row.getFees(), row.getCommission(), row.getNet()))
                .containsExactly(1L, 1_000L, 105L, 26L, 895L);
    }

    @Test
    void aFaithfulQuerySideShowsNoDifference() {
        auditEverything(FakeQuerySide.faithfulTo(recomputed));
        assertThat(differences.count()).isZero();
    }

    @Test
    void aWrongBalanceIsADifferenceNamingTheAccountAndBothFigures() {
        auditEverything(withAWrongMerchantBalance());

        assertThat(differences.count()).isEqualTo(1);
        assertThat(differences.first()).containsExactly(WRONG_MERCHANT_BALANCE);
    }

    @Test
    void anEventWithoutOutcomeAndAWrongTrialBalanceAreDifferences() {
        FakeQuerySide query = FakeQuerySide.faithfulTo(recomputed);
        query.outcomes.remove("e-topup");
        query.trialBalance.set(0, new RecomputedTrialBalance("EUR", 5, 5, 11_005, 11_000, 6));

        auditEverything(query);

        assertThat(differences.count(ViewAudit.OUTCOMES)).isEqualTo(1);
        assertThat(differences.first().get(0))
                .startsWith("outcomes: event e-topup has no outcome in the query API; "
                        + "the log gives WalletToppedUp wallet:w-1 at 1999-06-01T08:02:00Z: ACCEPTED [");
        assertThat(differences.count(ViewAudit.TRIAL_BALANCE)).isEqualTo(1);
    }

    @Test
    void aMissingSettlementRowIsADifferenceNamingTheDate() {
        FakeQuerySide query = FakeQuerySide.faithfulTo(recomputed);
        query.rows.clear();

        auditEverything(query);

        assertThat(differences.first())
                .singleElement()
                .asString()
                .startsWith("settlement rows: settlement rows of 1999-06-01: no row for m-1 EUR (the log gives m-1 "
                        + "1999-06-01 EUR count 1, gross 1000, refunds 0, chargebacks 0, fees 105, commission 26, "
                        + "net 895, paidOut 0, payouts 0, OPEN)");
    }
}
