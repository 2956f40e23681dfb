package org.kleline.ledger.query.reads;

import java.util.List;

/**
 * One instance's part of a statement page: up to {@code limit} lines per currency it holds.
 *
 * @param lines       the lines, per currency in statement order
 * @param more        whether a currency here has lines beyond those given
 * @param hasPostings whether the account holds any posting at all in these partitions
 */
public record StatementPart(List<StatementLine> lines, boolean more, boolean hasPostings) {

    public StatementPart {
        lines = List.copyOf(lines);
    }
}
