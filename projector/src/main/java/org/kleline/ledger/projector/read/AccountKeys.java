package org.kleline.ledger.projector.read;

import java.util.Locale;

/**
 * String keys of the balance views. Parts are joined with '|', which no account id, currency or
 * event id may contain, and times are written as 16 hex digits of the sign-flipped epoch millis,
 * so that the stores' byte order is (account, currency, time, eventId) order.
 */
public final class AccountKeys {

    public static final char SEPARATOR = '|';
    public static final long HOUR_MS = 3_600_000L;
    /** Above every character an event id may hold ([A-Za-z0-9._:-]): the end of a time's range. */
    static final char AFTER_EVERY_EVENT_ID = '~';

    private static final int TIME_DIGITS = 16;

    private AccountKeys() {}

    /** Key of the balances store: {@code account|currency}. */
    public static String balance(String account, String currency) {
        return account + SEPARATOR + currency;
    }

    /** Key of the account-entries store. */
    public static String entry(String account, String currency, long occurredAtMs, String eventId) {
        return timePrefix(account, currency, occurredAtMs) + eventId;
    }

    /** First key of the account-entries store at this time, whatever the event id. */
    public static String firstEntryAt(String account, String currency, long occurredAtMs) {
        return timePrefix(account, currency, occurredAtMs);
    }

    /** Last possible key of the account-entries store at this time. */
    public static String lastEntryAt(String account, String currency, long occurredAtMs) {
        return timePrefix(account, currency, occurredAtMs) + AFTER_EVERY_EVENT_ID;
    }

    /** Key of the balance-hours store: the UTC hour that holds {@code occurredAtMs}. */
    public static String hour(String account, String currency, long occurredAtMs) {
        return balance(account, currency) + SEPARATOR + time(hourStart(occurredAtMs));
    }

    /** Key of the hour bucket starting at {@code hourStartMs}. */
    public static String hourAt(String account, String currency, long hourStartMs) {
        return balance(account, currency) + SEPARATOR + time(hourStartMs);
    }

    /**
     * Key of the opening sum that folded hours before the history horizon go into
     * ({@link HistoryFold}): the first key of the account and currency, so every as-of read adds it.
     */
    public static String opening(String accountCurrencyPrefix) {
        return accountCurrencyPrefix + time(Long.MIN_VALUE);
    }

    /** The {@link #prefix} part of a balance-hours key. */
    public static String prefixOfHour(String hourKey) {
        return hourKey.substring(0, hourKey.length() - TIME_DIGITS);
    }

    /** The hour start a balance-hours key stands for. */
    public static long hourOf(String hourKey) {
        return Long.parseUnsignedLong(hourKey.substring(hourKey.length() - TIME_DIGITS), 16) ^ Long.MIN_VALUE;
    }

    /** Every key of one account and currency in the entries or hours store starts with this. */
    public static String prefix(String account, String currency) {
        return balance(account, currency) + SEPARATOR;
    }

    public static long hourStart(long occurredAtMs) {
        return Math.floorDiv(occurredAtMs, HOUR_MS) * HOUR_MS;
    }

    static String timePrefix(String account, String currency, long occurredAtMs) {
        return prefix(account, currency) + time(occurredAtMs) + SEPARATOR;
    }

    static String time(long epochMs) {
        String hex = Long.toHexString(epochMs ^ Long.MIN_VALUE).toLowerCase(Locale.ROOT);
        return "0".repeat(TIME_DIGITS - hex.length()) + hex;
    }
}
