package org.kleline.ledger.model.settlement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.money.CurrencyCode;

/**
 * Which settlement row an event touches: a merchant's figures of one business date in one
 * currency. Written once, as the key of the {@code ledger.settlements} topic (and of the projector's
 * row store): {@code merchantId|yyyy-MM-dd|currency} (e.g. {@code m-7|2024-05-01|EUR}). A merchant id
 * cannot hold {@code |}, so the text parses back unambiguously, and on a compacted topic the latest
 * row of each key is the current one.
 *
 * @param merchantId   the merchant
 * @param businessDate the business date (a payment's occurredAt date; a payout's own businessDate)
 * @param currency     the currency of the amounts
 */
public record SettlementKey(MerchantId merchantId, LocalDate businessDate, CurrencyCode currency)
        implements Comparable<SettlementKey> {

    private static final String SEPARATOR = "|";

    /** By date, then merchantId, then currency: the order of a settlement report. */
    private static final Comparator<SettlementKey> ORDER = Comparator.comparing(SettlementKey::businessDate)
            .thenComparing(key -> key.merchantId().value())
            .thenComparing(key -> key.currency().code());

    public SettlementKey {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(currency, "currency");
    }

    /** The key of {@code merchantId}, {@code businessDate} and {@code currency}, each validated as ids and codes are. */
    public SettlementKey(String merchantId, LocalDate businessDate, String currency) {
        this(new MerchantId(merchantId), businessDate, CurrencyCode.of(currency));
    }

    /** Reads a key written by {@link #format()}. */
    public static SettlementKey parse(String key) {
        Objects.requireNonNull(key, "key");
        String[] parts = key.split(Pattern.quote(SEPARATOR), -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "settlement key must be merchantId|yyyy-MM-dd|currency, was '" + key + "'");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(parts[1]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "settlement key's businessDate must be yyyy-MM-dd, was '" + parts[1] + "' in '" + key + "'", e);
        }
        return new SettlementKey(parts[0], date, parts[2]);
    }

    /** The key as written on the topic: {@code merchantId|yyyy-MM-dd|currency}. */
    public String format() {
        return merchantId.value() + SEPARATOR + businessDate + SEPARATOR + currency.code();
    }

    @Override
    public int compareTo(SettlementKey other) {
        return ORDER.compare(this, other);
    }
}
