package org.kleline.ledger.model.settlement;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.money.CurrencyCode;

/**
 * Which settlement row an event touches: a merchant's figures of one business date in one
 * currency.
 *
 * @param merchantId   the merchant
 * @param businessDate the business date (a payment's occurredAt date; a payout's own businessDate)
 * @param currency     the currency of the amounts
 */
public record SettlementKey(MerchantId merchantId, LocalDate businessDate, CurrencyCode currency)
        implements Comparable<SettlementKey> {

    /** By date, then merchantId, then currency: the order of a settlement report. */
    private static final Comparator<SettlementKey> ORDER = Comparator
            .comparing(SettlementKey::businessDate)
            .thenComparing(key -> key.merchantId().value())
            .thenComparing(key -> key.currency().code());

    public SettlementKey {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(currency, "currency");
    }

    @Override
    public int compareTo(SettlementKey other) {
        return ORDER.compare(this, other);
    }
}
