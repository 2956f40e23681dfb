package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.Objects;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

/**
 * A settlement row (docs/domain.md): one merchant's accepted payment events of one business date and
 * currency. Amounts in minor units; {@code net = gross - refunds - chargebacks - fees}.
 */
@JsonPropertyOrder({
    "merchantId",
    "date",
    "currency",
    "count",
    "gross",
    "refunds",
    "chargebacks",
    "fees",
    "commission",
    "net",
    "paidOut",
    "payouts",
    "status"
})
public record SettlementRowBody(
        String merchantId,
        LocalDate date,
        String currency,
        long count,
        long gross,
        long refunds,
        long chargebacks,
        long fees,
        long commission,
        long net,
        long paidOut,
        int payouts,
        String status) {

    public SettlementRowBody {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        SettlementStatus.valueOf(status);
    }

    public static SettlementRowBody of(SettlementRow r) {
        return new SettlementRowBody(
                r.getMerchantId(),
                r.getBusinessDate(),
                r.getCurrency(),
                r.getCount(),
                r.getGross(),
                r.getRefunds(),
                r.getChargebacks(),
                r.getFees(),
                r.getCommission(),
                r.getNet(),
                r.getPaidOut(),
                r.getPayouts(),
                r.getStatus().name());
    }

    public SettlementRow toAvro() {
        return new SettlementRow(
                merchantId,
                date,
                currency,
                count,
                gross,
                refunds,
                chargebacks,
                fees,
                commission,
                net,
                paidOut,
                payouts,
                SettlementStatus.valueOf(status));
    }
}
