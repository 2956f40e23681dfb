package org.kleline.ledger.projector.views;

/** One posting as the tests feed it to {@link AccountPostings}: what the decide stage passes for each. */
record PostingLine(String account, String currency, long amount, String eventId, String eventType, long occurredAt) {

    /** The test input topic's text form: the fields joined by '|' (none of them holds one). */
    String encode() {
        return String.join(
                "|", account, currency, Long.toString(amount), eventId, eventType, Long.toString(occurredAt));
    }

    static PostingLine decode(String text) {
        String[] f = text.split("\\|");
        return new PostingLine(f[0], f[1], Long.parseLong(f[2]), f[3], f[4], Long.parseLong(f[5]));
    }
}
