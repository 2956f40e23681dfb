package org.kleline.ledger.query.reads;

import java.util.List;
import java.util.Map;

/**
 * One instance's part of a statement page: up to {@code limit} lines per currency and partition it
 * holds, and per currency the sum its partitions open the page with (their postings before the
 * page's start: before {@code from}, or through the cursor). The balance after a line is the sum of
 * every part's opening in its currency plus the lines before it, which only the merge of every part
 * can tell: one account and currency may have postings in several partitions.
 *
 * @param lines    the lines, per partition and currency in statement order
 * @param openings currency to the sum (credits - debits, minor units) of this instance's postings
 *     before the page, for every currency the account holds here, lines in the page or not
 * @param more     whether a currency of a partition here has lines beyond those given
 */
public record StatementPart(List<StatementLine> lines, Map<String, Long> openings, boolean more) {

    public StatementPart {
        lines = List.copyOf(lines);
        openings = Map.copyOf(openings);
    }

    /** Whether the account holds any posting at all in these partitions. */
    public boolean hasPostings() {
        return !openings.isEmpty();
    }
}
