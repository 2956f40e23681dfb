package org.kleline.ledger.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Verify's exit code from what the audit of the views found: 0 when everything agrees, 1 only for
 * differences, and no verdict (an {@link AuditFailure}, exit code 2) when the API could not give figures
 * and nothing else differed. The audit runs over {@link FakeQuerySide}, as in {@link ViewAuditTest}.
 */
class VerdictTest extends AuditOverSmallLedger {

    private final StringWriter out = new StringWriter();

    private int verdict() {
        return Verdict.report(differences, new PrintWriter(out, true));
    }

    /** Faithful to the log, but the balances of wallet w-1 cannot be given now (a 503). */
    private FakeQuerySide withWalletW1Unanswered() {
        FakeQuerySide query = FakeQuerySide.faithfulTo(recomputed);
        query.unavailable.add("wallet:w-1");
        return query;
    }

    @Test
    void aFaithfulQuerySideExitsZero() {
        auditEverything(FakeQuerySide.faithfulTo(recomputed));

        assertThat(verdict()).isEqualTo(Verdict.NO_DIFFERENCE).isZero();
        assertThat(out.toString().strip())
                .isEqualTo("No difference: every outcome, balance, settlement row and "
                        + "journal entry follows from the log.");
    }

    @Test
    void aWrongBalanceExitsOneNamingIt() {
        auditEverything(withAWrongMerchantBalance());

        assertThat(verdict()).isEqualTo(Verdict.DIFFERENCES).isOne();
        assertThat(out.toString().lines()).containsExactly("1 difference; the first 1:", "  " + WRONG_MERCHANT_BALANCE);
    }

    @Test
    void figuresTheApiCannotGiveAreNoDifferenceButNoVerdictEither() {
        FakeQuerySide query = withWalletW1Unanswered();
        query.unavailable.add("e-topup");
        auditEverything(query);

        assertThat(differences.count()).isZero();
        assertThat(differences.unanswered(ViewAudit.BALANCES)).isOne();
        assertThat(differences.unanswered(ViewAudit.OUTCOMES)).isOne();
        assertThatThrownBy(this::verdict)
                .isInstanceOf(AuditFailure.class)
                .hasMessage("no verdict: nothing differs, but the query API could not give 2 figures (503), e.g. "
                        + "outcomes: event e-topup: the query API cannot answer now (503)");
        assertThat(out.toString())
                .startsWith("2 figures the query API could not give (503, asked again for 30 s); " + "the first 2:")
                .contains("  balances: account wallet:w-1: the query API cannot answer now (503)")
                .doesNotContain("No difference");
    }

    @Test
    void aDifferenceBesideFiguresTheApiCannotGiveIsStillADifference() {
        FakeQuerySide query = withWalletW1Unanswered();
        query.outcomes.remove("e-open");
        auditEverything(query);

        assertThat(verdict()).isEqualTo(Verdict.DIFFERENCES);
        assertThat(out.toString())
                .startsWith("1 difference; the first 1:")
                .contains("outcomes: event e-open has no outcome in the query API")
                .contains("and 1 figure the query API could not give (503), not judged");
    }

    @Test
    void theCheckLineShowsUnansweredFiguresBesideDifferences() {
        assertThat(VerifyCommand.checkLine("balances", "5 accounts", "GET /v1/accounts/{id}/balances", 0, 0, "0.1 s"))
                .contains(" agree ");
        assertThat(VerifyCommand.checkLine("balances", "5 accounts", "GET /v1/accounts/{id}/balances", 0, 3, "0.1 s"))
                .contains(" 3 unanswered (503) ")
                .doesNotContain("agree");
        assertThat(VerifyCommand.checkLine("balances", "5 accounts", "GET /v1/accounts/{id}/balances", 2, 1, "0.1 s"))
                .contains(" 2 differences, 1 unanswered (503) ");
    }
}
