package org.kleline.ledger.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.kleline.ledger.cli.CommandRun;

/** How {@code ledger verify} says it could not run: its own exit code and one failure line, the last on stderr. */
final class CouldNotRun {

    private CouldNotRun() {}

    static void assertCouldNotRun(CommandRun result, String firstWords) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Verdict.COULD_NOT_RUN);
        // Progress lines may come first on stderr; the failure is one line, the last.
        List<String> failure = result.err()
                .lines()
                .filter(l -> l.startsWith("ledger verify: "))
                .toList();
        assertThat(failure).as(result.err()).hasSize(1);
        assertThat(failure.get(0)).startsWith("ledger verify: " + firstWords);
        assertThat(result.err().strip()).endsWith(failure.get(0));
    }
}
