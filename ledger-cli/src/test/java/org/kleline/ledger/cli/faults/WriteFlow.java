package org.kleline.ledger.cli.faults;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kleline.ledger.cli.run.LedgerClient;

/**
 * Writes flowing while faults happen: single writes every {@link #SINGLE_EVERY_MS} ms and a bulk body every
 * {@link #BULK_EVERY_MS} ms, each on its own thread, each request sent once and recorded by the
 * {@link Workload}, whatever the answer (a 503 or a broken connection included).
 */
final class WriteFlow implements AutoCloseable {

    static final long SINGLE_EVERY_MS = 40;
    static final long BULK_EVERY_MS = 250;

    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fault-campaign-writes");
        t.setDaemon(true);
        return t;
    });

    private WriteFlow() {}

    static WriteFlow start(Workload workload, LedgerClient client) {
        WriteFlow flow = new WriteFlow();
        flow.threads.scheduleWithFixedDelay(
                () -> workload.send(client, workload.single(), false), 0, SINGLE_EVERY_MS, TimeUnit.MILLISECONDS);
        flow.threads.scheduleWithFixedDelay(
                () -> workload.send(client, workload.bulk(), false), 0, BULK_EVERY_MS, TimeUnit.MILLISECONDS);
        return flow;
    }

    /** Stops sending and waits for the requests in flight to be answered. */
    @Override
    public void close() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
            threads.shutdownNow();
            throw new IllegalStateException("writes still in flight two minutes after the flow stopped");
        }
    }
}
