package org.kleline.ledger.query.local;

import java.util.Set;

/**
 * A read that this instance answers from its own partitions of the projector's stores: what
 * {@link LocalStores#execute} runs. The reads themselves ({@code reads.ViewRead}) live above this
 * package and build on {@link LocalStores}; this is all of them that the stores need to know.
 *
 * @param <R> what the read answers
 */
public interface LocalRead<R> {

    /** Answers from {@code partitions} of this instance's stores. */
    R readLocally(LocalStores stores, Set<Integer> partitions);
}
