package org.kleline.ledger.cli.node;

import java.time.Duration;
import org.kleline.ledger.projector.read.HistoryRetention;
import picocli.CommandLine.Option;

/** {@code --history-retention}, the same on {@code ledger run} and {@code ledger node}. */
public final class HistoryRetentionOption {

    @Option(
            names = "--history-retention",
            paramLabel = "DURATION",
            description = {
                "How far back balances as of a past instant (?asOf=) and statement lines are kept, "
                        + "as an ISO-8601 duration (P400D, PT72H; at least PT1H), counted back from the latest occurredAt "
                        + "the projector has seen. Older hours are folded into one opening sum per account; a balance "
                        + "asked as of an earlier instant is a 400. Default: kept for ever."
            })
    Duration kept;

    /** @throws IllegalArgumentException when shorter than an hour */
    public HistoryRetention retention() {
        return new HistoryRetention(kept);
    }
}
