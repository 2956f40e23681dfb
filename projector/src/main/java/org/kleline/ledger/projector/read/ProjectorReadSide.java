package org.kleline.ledger.projector.read;

import org.apache.kafka.streams.KafkaStreams;

/**
 * What a reader of the projector's stores needs from a running projector: the Streams instance its
 * stores are queried through, and the barrier a settlement run waits on. The projector implements
 * it; the query API takes nothing else of it.
 */
public interface ProjectorReadSide {

    /** The running Streams instance, for interactive queries of the stores named in {@link StoreNames}. */
    KafkaStreams streams();

    /** Waits, bounded, until the settlement rows include every event appended before the call. */
    CatchUpBarrier catchUpBarrier();
}
