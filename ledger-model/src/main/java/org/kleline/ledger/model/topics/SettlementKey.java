package org.kleline.ledger.model.topics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key of the {@value Topics#SETTLEMENTS} topic: one settlement row per merchant, business date
 * and currency, written {@code merchantId|yyyy-MM-dd|currency} (e.g. {@code m-7|2024-05-01|EUR}).
 * A merchant id cannot hold {@code |}, so the text parses back unambiguously, and on a compacted
 * topic the latest row of each key is the current one.
 *
 * @param merchantId the merchant, 1..64 of {@code [A-Za-z0-9._:-]}
 * @param businessDate the business date of the row
 * @param currency an ISO 4217 code, three capital letters
 */
public record SettlementKey(String merchantId, LocalDate businessDate, String currency) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final String SEPARATOR = "|";

    public SettlementKey {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(currency, "currency");
        if (!ID.matcher(merchantId).matches()) {
            throw new IllegalArgumentException("merchantId must be 1..64 of [A-Za-z0-9._:-], was '" + merchantId + "'");
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be three capital letters (ISO 4217), was '" + currency + "'");
        }
    }

    /** Reads a key written by {@link #format()}. */
    public static SettlementKey parse(String key) {
        Objects.requireNonNull(key, "key");
        String[] parts = key.split(Pattern.quote(SEPARATOR), -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("settlement key must be merchantId|yyyy-MM-dd|currency, was '" + key + "'");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(parts[1]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("settlement key's businessDate must be yyyy-MM-dd, was '" + parts[1]
                    + "' in '" + key + "'", e);
        }
        return new SettlementKey(parts[0], date, parts[2]);
    }

    /** The key as written on the topic. */
    public String format() {
        return merchantId + SEPARATOR + businessDate + SEPARATOR + currency;
    }
}
