package org.kleline.ledger.examples.dailybalances;

import java.time.LocalDate;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

/** The tests' settlement rows, as the ledger writes them on {@code ledger.settlements}: in EUR, without chargebacks. */
final class SettlementRows {

    private SettlementRows() {}

    static SettlementRow row(
            String merchantId,
            LocalDate businessDate,
            long count,
            long gross,
            long refunds,
            long fees,
            long commission,
            long net,
            long paidOut,
            int payouts,
            SettlementStatus status) {
        return new SettlementRow(
                merchantId,
                businessDate,
                "EUR",
                count,
                gross,
                refunds,
                0L,
                fees,
                commission,
                net,
                paidOut,
                payouts,
                status);
    }
}
