package org.kleline.ledger.ingest.testing;

import java.time.LocalDate;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

/** Settlement rows as the query side answers them, for the settle tests to pay from. */
public final class Settlements {

    private Settlements() {}

    /**
     * A EUR row of {@code merchantId} on {@code day} with no refunds, chargebacks or commission: one payment
     * when {@code gross} is positive, net {@code gross - fees}, PAID once {@code paidOut} covers a positive net.
     */
    public static SettlementRow row(
            LocalDate day, String merchantId, long gross, long fees, long paidOut, int payouts) {
        long net = gross - fees;
        return SettlementRow.newBuilder()
                .setMerchantId(merchantId)
                .setBusinessDate(day)
                .setCurrency("EUR")
                .setCount(gross > 0 ? 1 : 0)
                .setGross(gross)
                .setRefunds(0)
                .setChargebacks(0)
                .setFees(fees)
                .setCommission(0)
                .setNet(net)
                .setPaidOut(paidOut)
                .setPayouts(payouts)
                .setStatus(net > 0 && paidOut >= net ? SettlementStatus.PAID : SettlementStatus.OPEN)
                .build();
    }
}
