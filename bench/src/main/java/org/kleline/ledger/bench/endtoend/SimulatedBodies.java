package org.kleline.ledger.bench.endtoend;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.ingest.bulk.NdjsonBatch;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.simulator.bulk.BulkLimits;
import org.kleline.ledger.simulator.bulk.BulkRequest;
import org.kleline.ledger.simulator.config.SimulationConfig;
import org.kleline.ledger.simulator.run.Simulation;
import org.kleline.ledger.simulator.summary.ProgressListener;

/**
 * The events both ingest paths append, made before either is timed: the simulator's year cut into
 * bulk bodies within the API's limits (10,000 lines, 1 MiB), its lines broken on purpose left out;
 * and the same bodies parsed by ingest's own {@link NdjsonBatch} into keyed envelopes for the raw
 * producer, so both paths append the very same envelopes.
 */
record SimulatedBodies(List<BulkRequest> requests, List<List<KeyedEvent>> events, long lines) {

    static SimulatedBodies of(long transactions, long seed) throws IOException {
        List<BulkRequest> requests = new ArrayList<>();
        SimulationConfig config =
                SimulationConfig.defaults().withTransactions(transactions).withSeed(seed);
        Simulation.sendBulk(
                config,
                BulkLimits.api(),
                request -> {
                    if (!request.refusalExpected()) {
                        requests.add(request);
                    }
                },
                ProgressListener.NONE);
        List<List<KeyedEvent>> events = new ArrayList<>();
        long lines = 0;
        Instant stampedAt = Instant.now();
        for (BulkRequest request : requests) {
            events.add(NdjsonBatch.parse(request.body(), stampedAt, true, IngestConfig.BULK_LINES_MAX));
            lines += request.lines();
        }
        return new SimulatedBodies(List.copyOf(requests), List.copyOf(events), lines);
    }
}
