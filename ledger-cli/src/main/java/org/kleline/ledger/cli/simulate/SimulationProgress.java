package org.kleline.ledger.cli.simulate;

import java.util.Locale;
import org.kleline.ledger.cli.progress.ProgressLine;
import org.kleline.ledger.simulator.summary.Progress;
import org.kleline.ledger.simulator.summary.ProgressListener;

/** A simulation's progress as a bar of transactions with the rate of events (lines) per second. */
final class SimulationProgress implements ProgressListener {

    private static final int BAR_WIDTH = 20;

    private final ProgressLine line;
    private final String verb;
    private final long startedNanos;

    SimulationProgress(ProgressLine line, String verb) {
        this.line = line;
        this.verb = verb;
        this.startedNanos = System.nanoTime();
    }

    @Override
    public void onProgress(Progress progress) {
        line.update(text(progress, System.nanoTime() - startedNanos));
    }

    void clear() {
        line.clear();
    }

    long elapsedNanos() {
        return System.nanoTime() - startedNanos;
    }

    private String text(Progress p, long elapsedNanos) {
        return String.format(
                Locale.ROOT,
                "%s %s %3d%%  %,d/%,d transactions  %,d events  %,d events/s",
                verb,
                ProgressLine.bar(p.transactionsDone(), p.transactionsTotal(), BAR_WIDTH),
                ProgressLine.percent(p.transactionsDone(), p.transactionsTotal()),
                p.transactionsDone(),
                p.transactionsTotal(),
                p.linesDone(),
                ProgressLine.perSecond(p.linesDone(), elapsedNanos));
    }
}
