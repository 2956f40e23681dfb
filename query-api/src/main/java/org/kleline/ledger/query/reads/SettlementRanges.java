package org.kleline.ledger.query.reads;

/** Bounds of key ranges in the settlement stores, whose keys join ids, ISO dates and currency codes with '|'. */
final class SettlementRanges {

    /** Above every character of an id, a date or a currency code: closes a prefix's range. */
    static final char AFTER_EVERY_KEY_CHARACTER = '~';

    private SettlementRanges() {}
}
