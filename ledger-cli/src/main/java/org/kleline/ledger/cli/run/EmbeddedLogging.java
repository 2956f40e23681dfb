package org.kleline.ledger.cli.run;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/**
 * In {@code ledger run} the broker is in this process, on loopback, so the Kafka clients' network
 * warnings are routine there (the projector's internal topics not yet created on a first start, the
 * broker closing its own clients twice at shutdown) and say nothing a user could act on. Against an
 * external cluster ({@code node}, {@code ingest}) they are the first sign of a broker out of reach,
 * so only {@code run} quiets them, and only when the logging configuration gives them no level.
 */
final class EmbeddedLogging {

    static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";

    private EmbeddedLogging() {}

    static void quietRoutineNetworkWarnings() {
        if (LoggerFactory.getLogger(NETWORK_CLIENT) instanceof ch.qos.logback.classic.Logger logger
                && logger.getLevel() == null) {
            logger.setLevel(Level.ERROR);
        }
    }
}
