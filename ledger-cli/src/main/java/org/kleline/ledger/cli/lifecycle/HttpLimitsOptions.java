package org.kleline.ledger.cli.lifecycle;

import java.time.Duration;
import org.kleline.ledger.web.server.HttpLimits;
import org.kleline.ledger.web.server.RequestClass;
import picocli.CommandLine.Option;

/**
 * What the HTTP server of {@code ledger run}, {@code ledger node} and {@code ledger ingest} lets clients hold at
 * once ({@link HttpLimits}); each option also from its {@code LEDGER_...} variable. docs/operations.md says how
 * to size them.
 */
public final class HttpLimitsOptions {

    @Option(
            names = "--http-threads",
            defaultValue = "" + HttpLimits.DEFAULT_THREADS,
            paramLabel = "N",
            description = "Request threads of the HTTP server at most (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--http-connections",
            defaultValue = "" + HttpLimits.DEFAULT_CONNECTIONS,
            paramLabel = "N",
            description = "Open HTTP connections at most (default ${DEFAULT-VALUE}); past it the server stops "
                    + "accepting until one closes, and idle connections are closed after "
                    + HttpLimits.CROWDED_IDLE_TIMEOUT_SECONDS + " s.")
    int connections;

    @Option(
            names = "--http-accept-queue",
            defaultValue = "" + HttpLimits.DEFAULT_ACCEPT_QUEUE,
            paramLabel = "N",
            description = "Connections the operating system holds before the server accepts them (the listen "
                    + "backlog; default ${DEFAULT-VALUE}, capped by the system's somaxconn).")
    int acceptQueue;

    @Option(
            names = "--http-idle-timeout",
            defaultValue = HttpLimits.DEFAULT_IDLE_TIMEOUT_TEXT,
            paramLabel = "DURATION",
            description = "How long a connection may send and receive nothing, an ISO-8601 duration (default "
                    + "${DEFAULT-VALUE}); a client sending its request slower is cut off. A write waiting for its "
                    + "outcome is not.")
    Duration idleTimeout;

    @Option(
            names = "--max-in-flight-writes",
            defaultValue = "" + HttpLimits.DEFAULT_IN_FLIGHT_WRITES,
            paramLabel = "N",
            description =
                    "Single writes without Prefer: wait in flight at most (default ${DEFAULT-VALUE}); past it, 429.")
    int writes;

    @Option(
            names = "--max-in-flight-waits",
            defaultValue = "" + HttpLimits.DEFAULT_IN_FLIGHT_WAITS,
            paramLabel = "N",
            description = "Writes with Prefer: wait and ?caughtUp=true reads in flight at most (default "
                    + "${DEFAULT-VALUE}); past it, 429.")
    int waits;

    @Option(
            names = "--max-in-flight-bulk",
            defaultValue = "" + HttpLimits.DEFAULT_IN_FLIGHT_BULK,
            paramLabel = "N",
            description = "POST /v1/events bodies in flight at most (default ${DEFAULT-VALUE}); past it, 429.")
    int bulk;

    @Option(
            names = "--max-in-flight-settles",
            defaultValue = "" + HttpLimits.DEFAULT_IN_FLIGHT_SETTLES,
            paramLabel = "N",
            description = "Settlement runs in flight at most (default ${DEFAULT-VALUE}); past it, 429.")
    int settles;

    @Option(
            names = "--max-in-flight-reads",
            defaultValue = "" + HttpLimits.DEFAULT_IN_FLIGHT_READS,
            paramLabel = "N",
            description = "Reads of one resource in flight at most (default ${DEFAULT-VALUE}); past it, 429.")
    int reads;

    @Option(
            names = "--max-in-flight-heavy-reads",
            defaultValue = "" + HttpLimits.DEFAULT_IN_FLIGHT_HEAVY_READS,
            paramLabel = "N",
            description = "Statements, trial balances, settlement rows of a date and outcome lookups in flight at "
                    + "most (default ${DEFAULT-VALUE}); past it, 429.")
    int heavyReads;

    /** The limits; {@link IllegalArgumentException} naming the option when a value is not usable. */
    public HttpLimits limits() {
        requireAtLeast("--http-threads", threads, 4);
        requireAtLeast("--http-connections", connections, 1);
        requireAtLeast("--http-accept-queue", acceptQueue, 1);
        if (idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("--http-idle-timeout must be at least PT0.001S, was " + idleTimeout);
        }
        requireAtLeast("--max-in-flight-writes", writes, 1);
        requireAtLeast("--max-in-flight-waits", waits, 1);
        requireAtLeast("--max-in-flight-bulk", bulk, 1);
        requireAtLeast("--max-in-flight-settles", settles, 1);
        requireAtLeast("--max-in-flight-reads", reads, 1);
        requireAtLeast("--max-in-flight-heavy-reads", heavyReads, 1);
        return HttpLimits.defaults()
                .withThreads(threads)
                .withConnections(connections, acceptQueue)
                .withIdleTimeout(idleTimeout)
                .withInFlight(RequestClass.WRITES, writes)
                .withInFlight(RequestClass.WAITS, waits)
                .withInFlight(RequestClass.BULK, bulk)
                .withInFlight(RequestClass.SETTLES, settles)
                .withInFlight(RequestClass.READS, reads)
                .withInFlight(RequestClass.HEAVY_READS, heavyReads);
    }

    private static void requireAtLeast(String option, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " must be >= " + least + ", was " + value);
        }
    }
}
