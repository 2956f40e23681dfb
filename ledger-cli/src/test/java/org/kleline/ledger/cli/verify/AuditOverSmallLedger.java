package org.kleline.ledger.cli.verify;

import java.time.Duration;
import java.util.List;

/**
 * Tests of the views' audit over {@link SmallLedger}: its recomputation, the differences the audit finds, and query
 * sides ({@link FakeQuerySide}) faithful to it or wrong on purpose.
 */
abstract class AuditOverSmallLedger {

    final Recomputation recomputed = SmallLedger.recomputed();
    final Differences differences = new Differences();

    ViewAudit auditOf(QuerySide query) {
        return new ViewAudit(query, recomputed, differences, Duration.ZERO, Integer.MAX_VALUE);
    }

    void auditEverything(QuerySide query) {
        ViewAudit audit = auditOf(query);
        audit.outcomes(n -> {});
        audit.balances(n -> {});
        audit.settlementRows(n -> {});
        audit.trialBalance();
    }

    /** The difference {@link #withAWrongMerchantBalance()} makes, as verify names it. */
    static final String WRONG_MERCHANT_BALANCE = "balances: account merchant:m-1: the query API shows EUR balance 900 "
            + "(credits 900, debits 0); the log gives EUR balance 895 (credits 895, debits 0)";

    /** Faithful but for merchant m-1's balance: EUR 900 (credits 900) where the log gives 895. */
    FakeQuerySide withAWrongMerchantBalance() {
        FakeQuerySide query = FakeQuerySide.faithfulTo(recomputed);
        query.balances.put("merchant:m-1", List.of(new BalanceLine("EUR", 900, 900, 0)));
        return query;
    }
}
