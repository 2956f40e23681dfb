package org.kleline.ledger.bench.endtoend;

import java.io.IOException;

/** Sends a request and waits for its whole answer, on the calling thread; the loads own the threads. */
interface BlockingHttp {

    Answer send(BenchRequest request) throws IOException, InterruptedException;

    String name();
}
