package org.kleline.ledger.projector.read;

import java.time.LocalDate;
import org.kleline.ledger.model.settlement.SettlementKey;

/**
 * String keys of settlement rows. {@code merchantId|date|currency} ({@link SettlementKey#format()},
 * the one encoding of a row's key) keys the ledger.settlements topic, the internal topic and the
 * settlement-rows store; {@code date|merchantId|currency} keys the
 * by-date index, so one date's rows are one prefix. Dates are ISO (yyyy-MM-dd), which sort as dates.
 */
public final class SettlementKeys {

    public static final char SEPARATOR = '|';

    private SettlementKeys() {}

    public static String byMerchant(SettlementKey key) {
        return key.format();
    }

    public static String byMerchant(String merchantId, LocalDate date, String currency) {
        return new SettlementKey(merchantId, date, currency).format();
    }

    public static String byDate(String merchantId, LocalDate date, String currency) {
        return date.toString() + SEPARATOR + merchantId + SEPARATOR + currency;
    }

    /** Every by-date key of {@code date} starts with this. */
    public static String datePrefix(LocalDate date) {
        return date.toString() + SEPARATOR;
    }

    /** Every by-merchant key of {@code merchantId} starts with this. */
    public static String merchantPrefix(String merchantId) {
        return merchantId + SEPARATOR;
    }
}
