package org.kleline.ledger.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.ingest.bulk.NdjsonBatch;
import org.kleline.ledger.simulator.bulk.BulkLimits;
import org.kleline.ledger.simulator.bulk.BulkRequest;
import org.kleline.ledger.simulator.config.SimulationConfig;
import org.kleline.ledger.simulator.run.Simulation;
import org.kleline.ledger.simulator.summary.ProgressListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * What {@code POST /v1/events} does to a body before anything is appended: {@link NdjsonBatch#parse} of
 * one body of {@value #LINES} lines of the simulator's mix (seed 1, its lines broken on purpose left out),
 * as an admin import sends them ({@code occurredAt} on every line). Events per second of one thread; a
 * line's cost is the inverse.
 */
public class NdjsonParseBenchmark extends PerEventBenchmark {

    static final int LINES = 1_000;

    private byte[] body;
    private Instant stampedAt;

    @Setup
    public void setUp() throws IOException {
        List<BulkRequest> full = new ArrayList<>();
        Simulation.sendBulk(
                SimulationConfig.defaults().withTransactions(3_000).withSeed(1L),
                new BulkLimits(LINES, BulkLimits.API_BYTES_MAX),
                request -> {
                    if (!request.refusalExpected() && request.lines() == LINES) {
                        full.add(request);
                    }
                },
                ProgressListener.NONE);
        if (full.isEmpty()) {
            throw new IllegalStateException("the simulator made no body of " + LINES + " good lines");
        }
        // The middle body: past the year's first onboardings, into the payments' mix.
        body = full.get(full.size() / 2).body();
        stampedAt = Instant.now();
        List<KeyedEvent> events = parse();
        if (events.size() != LINES) {
            throw new IllegalStateException("parsed " + events.size() + " events of " + LINES + " lines");
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public List<KeyedEvent> parse() {
        return NdjsonBatch.parse(body, stampedAt, true, LINES);
    }
}
