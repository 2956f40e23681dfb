package org.kleline.ledger.simulator.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.kleline.ledger.simulator.bulk.BulkBatcher;
import org.kleline.ledger.simulator.bulk.BulkLimits;
import org.kleline.ledger.simulator.bulk.BulkRequest;
import org.kleline.ledger.simulator.bulk.BulkSender;
import org.kleline.ledger.simulator.config.SimulationConfig;
import org.kleline.ledger.simulator.generate.EventGenerator;
import org.kleline.ledger.simulator.generate.SimulatedEvent;
import org.kleline.ledger.simulator.ndjson.NdjsonEventWriter;
import org.kleline.ledger.simulator.summary.Progress;
import org.kleline.ledger.simulator.summary.ProgressListener;
import org.kleline.ledger.simulator.summary.SimulationSummary;
import org.kleline.ledger.simulator.summary.SummaryRecorder;

/**
 * What {@code ledger simulate} runs: the simulated year written to a file of NDJSON events
 * ({@code --out}), or sent through the bulk API in requests within its limits. Both report
 * progress and end with a summary of what the year held.
 */
public final class Simulation {

    /** How often, in lines, a file run reports progress (a bulk run reports after each request). */
    public static final int PROGRESS_EVERY_LINES = 10_000;

    private static final int OUTPUT_BUFFER_BYTES = 1 << 20;

    private Simulation() {}

    /**
     * Writes the year of {@code config} to {@code out} as NDJSON, bad lines and retries included, in
     * occurredAt order. {@code out} is flushed, not closed.
     */
    public static SimulationSummary writeNdjson(SimulationConfig config, OutputStream out, ProgressListener progress)
            throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(progress, "progress");
        OutputStream buffered =
                out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, OUTPUT_BUFFER_BYTES);
        EventGenerator generator = EventGenerator.start(config);
        SummaryRecorder recorder = new SummaryRecorder(config.settlementZone());
        NdjsonEventWriter writer = new NdjsonEventWriter();
        while (generator.hasNext()) {
            SimulatedEvent event = generator.next();
            writer.write(event, buffered);
            recorder.record(event);
            if (recorder.lines() % PROGRESS_EVERY_LINES == 0) {
                progress.onProgress(progressOf(recorder, config));
            }
        }
        buffered.flush();
        progress.onProgress(progressOf(recorder, config));
        return recorder.summary();
    }

    /**
     * Sends the year of {@code config} to {@code sender} as bulk requests within {@code limits}, in
     * occurredAt order: good lines batched, each bad line alone. Progress is reported after each
     * request, counting the lines sent.
     */
    public static SimulationSummary sendBulk(
            SimulationConfig config, BulkLimits limits, BulkSender sender, ProgressListener progress)
            throws IOException {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(progress, "progress");
        SummaryRecorder recorder = new SummaryRecorder(config.settlementZone());
        SentLines sent = new SentLines();
        BulkBatcher batcher = new BulkBatcher(limits, request -> {
            sender.send(request);
            sent.requestSent(request);
            progress.onProgress(new Progress(sent.lines, sent.transactions, config.transactions()));
        });
        EventGenerator generator = EventGenerator.start(config);
        NdjsonEventWriter writer = new NdjsonEventWriter();
        while (generator.hasNext()) {
            SimulatedEvent event = generator.next();
            batcher.add(writer.line(event), event.refusalExpected());
            sent.lineAdded(event);
            recorder.record(event);
        }
        batcher.flush();
        return recorder.summary();
    }

    private static Progress progressOf(SummaryRecorder recorder, SimulationConfig config) {
        return new Progress(recorder.lines(), recorder.transactions(), config.transactions());
    }

    /**
     * Lines and transactions answered by the API so far. A good request carries exactly the good
     * lines added since the previous one; a bad line goes alone, sent while it is being added.
     */
    private static final class SentLines {
        long lines;
        long transactions;
        long pendingLines;
        long pendingTransactions;

        void lineAdded(SimulatedEvent event) {
            if (!event.refusalExpected()) {
                pendingLines++;
                pendingTransactions += event.isTransaction() ? 1 : 0;
            }
        }

        void requestSent(BulkRequest request) {
            if (request.refusalExpected()) {
                lines++;
                return;
            }
            if (request.lines() != pendingLines) {
                throw new IllegalStateException(
                        "a request of " + request.lines() + " lines for " + pendingLines + " pending");
            }
            lines += pendingLines;
            transactions += pendingTransactions;
            pendingLines = 0;
            pendingTransactions = 0;
        }
    }
}
