package org.kleline.ledger.simulator.summary;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.simulator.generate.Defect;
import org.kleline.ledger.simulator.generate.ExpectedOutcome;

/**
 * What a simulated year held, line by line.
 *
 * @param lines               every NDJSON line, bad and retried ones included
 * @param transactions        accepted captures and micropayments
 * @param linesByType         lines per payload type (every type listed, zeros included)
 * @param linesByOutcome      lines per outcome the ledger will give them
 * @param badLinesByDefect    deliberately bad lines per defect ({@link Defect#NONE} left out)
 * @param linesByMonth        lines per month of occurredAt in the settlement zone, January first
 * @param transactionsByMonth transactions per month, January first
 */
public record SimulationSummary(
        long lines,
        long transactions,
        Map<EventType, Long> linesByType,
        Map<ExpectedOutcome, Long> linesByOutcome,
        Map<Defect, Long> badLinesByDefect,
        List<Long> linesByMonth,
        List<Long> transactionsByMonth) {

    private static final int MONTHS = 12;

    public SimulationSummary {
        linesByType = Collections.unmodifiableMap(new EnumMap<>(linesByType));
        linesByOutcome = Collections.unmodifiableMap(new EnumMap<>(linesByOutcome));
        badLinesByDefect = Collections.unmodifiableMap(new EnumMap<>(badLinesByDefect));
        linesByMonth = List.copyOf(linesByMonth);
        transactionsByMonth = List.copyOf(transactionsByMonth);
        if (linesByMonth.size() != MONTHS || transactionsByMonth.size() != MONTHS) {
            throw new IllegalArgumentException(
                    "12 months expected, were " + linesByMonth.size() + " and " + transactionsByMonth.size());
        }
    }

    public long lines(EventType type) {
        return linesByType.getOrDefault(type, 0L);
    }

    public long lines(ExpectedOutcome outcome) {
        return linesByOutcome.getOrDefault(outcome, 0L);
    }

    /** Lines the bulk API must refuse (400). */
    public long badLines() {
        return lines(ExpectedOutcome.REFUSED);
    }

    /** Requests sent again with the same eventId (DUPLICATE). */
    public long retries() {
        return lines(ExpectedOutcome.DUPLICATE);
    }

    /** Lines the bulk API appends: every line but the bad ones. */
    public long goodLines() {
        return lines - badLines();
    }

    /** A plain-text report for a terminal. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "%,d lines, %,d transactions (accepted captures and micropayments)%n", lines, transactions));
        text.append(String.format(
                "  accepted %,d, rejected %,d (insufficient funds), duplicate %,d (retries),"
                        + " refused %,d (bad lines)%n",
                lines(ExpectedOutcome.ACCEPTED), lines(ExpectedOutcome.REJECTED), retries(), badLines()));
        text.append("by type:\n");
        linesByType.forEach((type, count) -> text.append(String.format("  %-24s %,12d%n", type, count)));
        if (!badLinesByDefect.isEmpty()) {
            text.append("bad lines:\n");
            badLinesByDefect.forEach((defect, count) -> text.append(String.format("  %-24s %,12d%n", defect, count)));
        }
        text.append(String.format("by month:%n  %-5s %12s %14s%n", "", "lines", "transactions"));
        for (int m = 0; m < MONTHS; m++) {
            text.append(String.format(
                    "  %-5s %,12d %,14d%n",
                    Month.of(m + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                    linesByMonth.get(m),
                    transactionsByMonth.get(m)));
        }
        return text.toString();
    }
}
