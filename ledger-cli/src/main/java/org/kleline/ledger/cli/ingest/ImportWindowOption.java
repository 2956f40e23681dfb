package org.kleline.ledger.cli.ingest;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import org.kleline.ledger.ingest.config.ImportWindow;
import picocli.CommandLine.Option;

/**
 * {@code --import-earliest} and {@code --clock-skew}, the same on {@code ledger run} and {@code ledger ingest}:
 * the times an NDJSON line of {@code POST /v1/events} may carry. Like every option, each takes its
 * environment variable ({@code LEDGER_IMPORT_EARLIEST}, {@code LEDGER_CLOCK_SKEW}) by the one rule of
 * {@link org.kleline.ledger.cli.env.EnvironmentDefaults}, then the default.
 */
public final class ImportWindowOption {

    @Option(
            names = "--import-earliest",
            paramLabel = "INSTANT",
            description = "The earliest occurredAt (and effectiveFrom) an NDJSON line may carry, an ISO-8601 instant "
                    + "(default: 1990-01-01T00:00:00Z). "
                    + "An earlier one is a 400 naming the field and line.")
    String earliest;

    @Option(
            names = "--clock-skew",
            paramLabel = "DURATION",
            description = "How far past this process's clock an NDJSON line's occurredAt (and effectiveFrom) may lie, "
                    + "an ISO-8601 duration up to P1D (default: PT5M). A later one is a 400, "
                    + "so one line dated 2999 cannot move the history horizon.")
    String clockSkew;

    /** The window; {@link IllegalArgumentException} naming the option when a value is not usable. */
    public ImportWindow window() {
        return window(earliest, clockSkew);
    }

    static ImportWindow window(String earliestGiven, String skewGiven) {
        String earliestText = given(earliestGiven);
        String skewText = given(skewGiven);
        Instant first = ImportWindow.DEFAULT_EARLIEST;
        Duration skew = ImportWindow.DEFAULT_CLOCK_SKEW;
        if (earliestText != null) {
            try {
                first = Instant.parse(earliestText);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "--import-earliest must be an ISO-8601 instant such as " + "1990-01-01T00:00:00Z, was '"
                                + earliestText + "'",
                        e);
            }
        }
        if (skewText != null) {
            try {
                skew = Duration.parse(skewText);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "--clock-skew must be an ISO-8601 duration such as PT5M, was '" + skewText + "'", e);
            }
        }
        try {
            return new ImportWindow(first, skew);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--import-earliest / --clock-skew: " + e.getMessage(), e);
        }
    }

    private static String given(String option) {
        return option == null || option.isBlank() ? null : option.trim();
    }
}
