package org.kleline.ledger.simulator.bulk;

import java.io.IOException;

/** Delivers one bulk request, e.g. as {@code POST /v1/events} with import enabled; the CLI implements it. */
@FunctionalInterface
public interface BulkSender {

    /**
     * Sends {@code request} and returns once it is answered; throws when the answer is not the one
     * expected (200 with every line accepted, or 400 for a bad line sent on purpose), which stops
     * the run.
     */
    void send(BulkRequest request) throws IOException;
}
