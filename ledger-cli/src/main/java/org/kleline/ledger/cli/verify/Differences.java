package org.kleline.ledger.cli.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every difference the audit finds, counted per check; the first {@value #SHOWN_MAX} are kept to be named.
 * Apart from them, what the query API could not answer at all (503 until the recheck gave up): no
 * figure to compare is not a figure that differs, and only differences make verify's exit code 1.
 */
final class Differences {

    static final int SHOWN_MAX = 20;

    private final Tally differences = new Tally();
    private final Tally unanswered = new Tally();

    void add(String check, String difference) {
        differences.add(check, difference);
    }

    /** A figure the query API could not give (503), so not judged. */
    void unanswered(String check, String what) {
        unanswered.add(check, what);
    }

    /** Adds {@code other}'s differences after this one's: counted whole, named while fewer than {@value #SHOWN_MAX} are. */
    void addAll(Differences other) {
        differences.addAll(other.differences);
        unanswered.addAll(other.unanswered);
    }

    long count() {
        return differences.count();
    }

    long count(String check) {
        return differences.count(check);
    }

    /** The first differences found, each prefixed with its check. */
    List<String> first() {
        return differences.first();
    }

    /** The figures the query API could not give: counted, and the first named, each prefixed with its check. */
    Tally unanswered() {
        return unanswered;
    }

    long unanswered(String check) {
        return unanswered.count(check);
    }

    /** Findings of one kind: counted per check, the first {@value #SHOWN_MAX} kept as {@code check: what}. */
    static final class Tally {

        private final Map<String, Long> byCheck = new LinkedHashMap<>();
        private final List<String> first = new ArrayList<>();
        private long count;

        private void add(String check, String what) {
            byCheck.merge(check, 1L, Long::sum);
            count++;
            keep(check + ": " + what);
        }

        private void addAll(Tally other) {
            other.byCheck.forEach((check, n) -> byCheck.merge(check, n, Long::sum));
            count += other.count;
            other.first.forEach(this::keep);
        }

        private void keep(String named) {
            if (first.size() < SHOWN_MAX) {
                first.add(named);
            }
        }

        long count() {
            return count;
        }

        long count(String check) {
            return byCheck.getOrDefault(check, 0L);
        }

        List<String> first() {
            return Collections.unmodifiableList(first);
        }
    }
}
