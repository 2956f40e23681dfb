package org.kleline.ledger.projector.merchants;

import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * A merchant look-up as of t timed out while the directory had not read the merchant's partition
 * of ledger.events through t, although it could have (t was not in the future of the wall clock).
 * Deciding then would make a final outcome depend on how far the directory's consumer lagged, so
 * the look-up fails instead: the projector replaces the stream thread, the task's open transaction
 * is aborted, and the event is decided again from the last commit, later.
 */
public final class MerchantDirectoryBehindException extends RuntimeException {

    private final String merchantId;
    private final Instant at;
    private final int partition;
    private final long readThroughMs;

    /**
     * @param readThroughMs how far the partition was read (its watermark), or
     *        {@link PartitionWatermarks#NOTHING} when nothing was
     */
    public MerchantDirectoryBehindException(String merchantId, Instant at, int partition, long readThroughMs,
            long waitedMs) {
        super("merchant " + merchantId + " looked up as of " + at + ": partition " + partition
                + " of the event log is read through " + PartitionWatermarks.describe(readThroughMs) + " after waiting " + waitedMs
                + " ms; the event is not decided now and will be decided again");
        this.merchantId = merchantId;
        this.at = at;
        this.partition = partition;
        this.readThroughMs = readThroughMs;
    }

    public String merchantId() {
        return merchantId;
    }

    public Instant at() {
        return at;
    }

    public int partition() {
        return partition;
    }

    /** The partition's watermark at the time out; {@link PartitionWatermarks#NOTHING} when nothing was read. */
    public long readThroughMs() {
        return readThroughMs;
    }

    /**
     * The exception in {@code failure}'s cause chain, {@code failure} included: Streams reports a
     * processor's exception as the cause of its own StreamsException, and may wrap further.
     */
    public static Optional<MerchantDirectoryBehindException> in(Throwable failure) {
        Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && visited.add(t); t = t.getCause()) {
            if (t instanceof MerchantDirectoryBehindException behind) {
                return Optional.of(behind);
            }
        }
        return Optional.empty();
    }
}
