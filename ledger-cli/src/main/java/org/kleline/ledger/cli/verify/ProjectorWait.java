package org.kleline.ledger.cli.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kleline.ledger.cli.progress.ProgressLine;
import org.kleline.ledger.outcomes.EventOutcome;

/**
 * Waits, within a bound, until the projector has decided every event read: it decides each partition
 * in log order, so once the last event decided on each partition shows an outcome in the query API,
 * it is through (the views may still trail by a commit; {@link ViewAudit} asks again for those).
 */
final class ProjectorWait {

    private static final Duration POLL = Duration.ofMillis(500);

    private ProjectorWait() {
    }

    /** Returns whether the projector caught up before {@code max} passed. */
    static boolean await(QuerySide query, Recomputation recomputed, Duration max, ProgressLine progress) {
        Map<Integer, String> lastByPartition = recomputed.lastDecidedByPartition();
        List<String> last = new ArrayList<>(lastByPartition.values());
        long deadline = System.nanoTime() + max.toNanos();
        long started = System.nanoTime();
        while (true) {
            Map<String, Optional<EventOutcome>> shown = query.outcomes(last);
            long decided = shown.values().stream().filter(Optional::isPresent).count();
            if (decided == last.size()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            progress.update("waiting for the projector: " + decided + " of " + last.size()
                    + " partitions decided through their last event read (" + (System.nanoTime() - started) / 1_000_000_000L
                    + " s of at most " + max.toSeconds() + " s)");
            try {
                // The query API has no push: poll it.
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuditFailure("interrupted while waiting for the projector", e);
            }
        }
    }
}
