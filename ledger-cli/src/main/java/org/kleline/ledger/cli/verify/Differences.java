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

    private final Map<String, Long> byCheck = new LinkedHashMap<>();
    private final List<String> first = new ArrayList<>();
    private long count;
    private final Map<String, Long> unansweredByCheck = new LinkedHashMap<>();
    private final List<String> firstUnanswered = new ArrayList<>();
    private long unansweredCount;

    void add(String check, String difference) {
        byCheck.merge(check, 1L, Long::sum);
        count++;
        if (first.size() < SHOWN_MAX) {
            first.add(check + ": " + difference);
        }
    }

    /** A figure the query API could not give (503), so not judged. */
    void unanswered(String check, String what) {
        unansweredByCheck.merge(check, 1L, Long::sum);
        unansweredCount++;
        if (firstUnanswered.size() < SHOWN_MAX) {
            firstUnanswered.add(check + ": " + what);
        }
    }

    /** Adds {@code other}'s differences after this one's: counted whole, named while fewer than {@value #SHOWN_MAX} are. */
    void addAll(Differences other) {
        other.byCheck.forEach((check, n) -> byCheck.merge(check, n, Long::sum));
        count += other.count;
        for (String difference : other.first) {
            if (first.size() < SHOWN_MAX) {
                first.add(difference);
            }
        }
        other.unansweredByCheck.forEach((check, n) -> unansweredByCheck.merge(check, n, Long::sum));
        unansweredCount += other.unansweredCount;
        for (String what : other.firstUnanswered) {
            if (firstUnanswered.size() < SHOWN_MAX) {
                firstUnanswered.add(what);
            }
        }
    }

    long count() {
        return count;
    }

    long count(String check) {
        return byCheck.getOrDefault(check, 0L);
    }

    /** The first differences found, each prefixed with its check. */
    List<String> first() {
        return Collections.unmodifiableList(first);
    }

    long unansweredCount() {
        return unansweredCount;
    }

    long unanswered(String check) {
        return unansweredByCheck.getOrDefault(check, 0L);
    }

    /** The first figures the query API could not give, each prefixed with its check. */
    List<String> firstUnanswered() {
        return Collections.unmodifiableList(firstUnanswered);
    }
}
