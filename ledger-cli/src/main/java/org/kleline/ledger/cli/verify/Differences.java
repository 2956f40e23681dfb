package org.kleline.ledger.cli.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every difference the audit finds, counted per check; the first {@value #SHOWN_MAX} are kept to be named. */
final class Differences {

    static final int SHOWN_MAX = 20;

    private final Map<String, Long> byCheck = new LinkedHashMap<>();
    private final List<String> first = new ArrayList<>();
    private long count;

    void add(String check, String difference) {
        byCheck.merge(check, 1L, Long::sum);
        count++;
        if (first.size() < SHOWN_MAX) {
            first.add(check + ": " + difference);
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
}
