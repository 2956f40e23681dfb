package org.kleline.ledger.bench.endtoend;

import java.util.function.LongFunction;
import java.util.function.Predicate;

/** A fixed request rate whatever the answers' pace; latencies from each request's intended send time. */
interface OpenLoopLoad {

    /**
     * @param requests the request of each index (0-based)
     * @param expected whether an answer is the one the load wanted; any other is a failure
     */
    LoadResult run(int ratePerSecond, int seconds, LongFunction<BenchRequest> requests, Predicate<Answer> expected)
            throws InterruptedException;

    String name();
}
