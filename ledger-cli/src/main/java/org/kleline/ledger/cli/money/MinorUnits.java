package org.kleline.ledger.cli.money;

import org.kleline.ledger.model.money.CurrencyCode;

/**
 * Amounts in minor units shown in major units with the currency's decimals ({@code 123456} EUR cents
 * is {@code 1,234.56}), by long division: no floating point on a money path, and every long prints
 * exactly, {@link Long#MIN_VALUE} included.
 */
public final class MinorUnits {

    private static final int FRACTION_DIGITS_MAX = 3;
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L};

    private MinorUnits() {}

    /** {@code amountMinor} with {@code fractionDigits} decimals and thousands separated by commas. */
    public static String grouped(long amountMinor, int fractionDigits) {
        return format(amountMinor, fractionDigits, true);
    }

    /** The same without separators: {@code -1234.56}. */
    public static String plain(long amountMinor, int fractionDigits) {
        return format(amountMinor, fractionDigits, false);
    }

    /** Grouped, with the decimals of {@code currency} and its code: {@code 1,234.56 EUR}, {@code 1,235 JPY}. */
    public static String withCurrency(long amountMinor, String currency) {
        return grouped(amountMinor, CurrencyCode.of(currency).fractionDigits()) + " " + currency;
    }

    private static String format(long amountMinor, int fractionDigits, boolean grouping) {
        if (fractionDigits < 0 || fractionDigits > FRACTION_DIGITS_MAX) {
            throw new IllegalArgumentException(
                    "fractionDigits must be 0.." + FRACTION_DIGITS_MAX + ", was " + fractionDigits);
        }
        long scale = POWERS_OF_TEN[fractionDigits];
        // Java's / and % truncate toward zero, so both parts carry the amount's sign; their absolute
        // values cannot overflow except the whole of Long.MIN_VALUE with no decimals, kept as a string.
        long units = amountMinor / scale;
        long fraction = Math.abs(amountMinor % scale);
        String unitDigits =
                units == Long.MIN_VALUE ? Long.toString(units).substring(1) : Long.toString(Math.abs(units));
        StringBuilder text = new StringBuilder(32);
        if (amountMinor < 0) {
            text.append('-');
        }
        text.append(grouping ? group(unitDigits) : unitDigits);
        if (fractionDigits > 0) {
            String fractionDigitsText = Long.toString(fraction);
            text.append('.');
            for (int i = fractionDigitsText.length(); i < fractionDigits; i++) {
                text.append('0');
            }
            text.append(fractionDigitsText);
        }
        return text.toString();
    }

    private static String group(String digits) {
        StringBuilder grouped = new StringBuilder(digits.length() + digits.length() / 3);
        int firstGroup = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        grouped.append(digits, 0, firstGroup);
        for (int i = firstGroup; i < digits.length(); i += 3) {
            grouped.append(',').append(digits, i, i + 3);
        }
        return grouped.toString();
    }
}
