package org.kleline.ledger.simulator.generate;

/**
 * Ids numbered in the order the generator makes them ({@code sim-1999-000000042},
 * {@code cp-00000042}, {@code w-000042}): deterministic for a seed and within
 * {@code [A-Za-z0-9._:-]{1,64}}. Zero-padded by hand because a million {@code String.format}
 * calls would cost more than the rest of an event.
 */
final class SequenceIds {

    private final String prefix;
    private final int width;
    private long last;

    SequenceIds(String prefix, int width) {
        this.prefix = prefix;
        this.width = width;
    }

    String next() {
        last++;
        return padded(prefix, width, last);
    }

    /** {@code prefix} then {@code number} zero-padded to {@code width} digits (longer numbers are kept whole). */
    static String padded(String prefix, int width, long number) {
        String digits = Long.toString(number);
        StringBuilder id = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
        id.append(prefix);
        for (int pad = digits.length(); pad < width; pad++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }
}
