package org.kleline.ledger.projector.merchants;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * A merchant look-up timed out while the directory had not yet read the merchant's partition of
 * ledger.events up to the event's bound, though the log holds it. Deciding then would make a final
 * outcome depend on how far the directory's consumer lagged, so the look-up fails instead: the
 * projector replaces the stream thread, the task's open transaction is aborted, and the event is
 * decided again from the last commit, later.
 */
public final class MerchantDirectoryBehindException extends RuntimeException {

    /**
     * Where the look-up stood when it timed out.
     *
     * @param bound  the offset the partition had to be read up to
     * @param readTo how far it was read at the time out
     */
    public record Behind(String merchantId, long bound, int partition, long readTo) {}

    private final Behind behind;

    public MerchantDirectoryBehindException(String merchantId, long bound, int partition, long readTo, long waitedMs) {
        super("merchant " + merchantId + " looked up below offset " + bound + " of partition " + partition
                + " of the event log, read up to " + readTo + " after waiting " + waitedMs
                + " ms; the event is not decided now and will be decided again");
        this.behind = new Behind(merchantId, bound, partition, readTo);
    }

    public Behind behind() {
        return behind;
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
