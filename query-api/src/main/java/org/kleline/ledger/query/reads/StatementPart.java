package org.kleline.ledger.query.reads;

import java.util.List;
import java.util.Map;
import org.kleline.ledger.query.statement.StatementLine;

/**
 * One instance's part of a statement page: up to {@code limit} lines per currency and partition it
 * holds, and per currency the sum its partitions open the page with (their postings before the
 * page's start: before {@code from}, or through the cursor) and the latest history horizon among
 * them. The balance after a line is the sum of every part's opening in its currency plus the lines
 * before it, which only the merge of every part can tell: one account and currency may have
 * postings in several partitions.
 *
 * @param lines    the lines, per partition and currency in statement order
 * @param openings currency to the sum (credits - debits, minor units) of this instance's postings
 *     before the page, for every currency the account holds here, lines in the page or not
 * @param more     whether a currency of a partition here has lines beyond those given
 * @param horizons currency to the latest history horizon (epoch millis, {@code AccountHistory.keptFromMs})
 *     of the partitions here holding the account in it: before it, one of them folded its postings
 *     into its opening and kept no line. Absent or {@code Long.MIN_VALUE}: nothing folded.
 */
public record StatementPart(
        List<StatementLine> lines, Map<String, Long> openings, boolean more, Map<String, Long> horizons) {

    public StatementPart {
        lines = List.copyOf(lines);
        openings = Map.copyOf(openings);
        // A part from an instance that does not report horizons yet: nothing folded as far as it tells.
        horizons = horizons == null ? Map.of() : Map.copyOf(horizons);
    }

    /** A part whose partitions never folded their history. */
    public StatementPart(List<StatementLine> lines, Map<String, Long> openings, boolean more) {
        this(lines, openings, more, Map.of());
    }

    /** Whether the account holds any posting at all in these partitions. */
    public boolean hasPostings() {
        return !openings.isEmpty();
    }

    /** The history horizon of {@code currency} here: {@code Long.MIN_VALUE} when nothing was folded. */
    public long horizon(String currency) {
        return horizons.getOrDefault(currency, Long.MIN_VALUE);
    }
}
