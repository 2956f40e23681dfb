package org.kleline.ledger.cli.period;

import java.time.LocalDate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A period named by its first and last dates ({@code --from}, {@code --to}, both included). */
public final class FromToOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "The period: its first date (with --to).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "The period: its last date (with --from).")
    LocalDate to;

    /** Whether {@code --from} or {@code --to} (or both) was given. */
    public boolean anyGiven() {
        return from != null || to != null;
    }

    /**
     * The dates from {@code --from} to {@code --to}; a usage error (exit 2) with {@code unpaired} when only one of
     * them was given, or with {@link DateRange}'s reason when they end before they start or span too long.
     */
    public DateRange range(String unpaired) {
        if (from == null || to == null) {
            throw new ParameterException(spec.commandLine(), unpaired);
        }
        try {
            return new DateRange(from, to);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
