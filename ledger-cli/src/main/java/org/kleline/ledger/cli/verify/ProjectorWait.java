package org.kleline.ledger.cli.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

    /** The query API has no push: it is asked again this often (one small bulk read a time). */
    private static final Duration POLL = Duration.ofMillis(500);

    private ProjectorWait() {}

    /** Returns whether the projector caught up before {@code max} passed. */
    static boolean await(QuerySide query, Recomputation recomputed, Duration max, ProgressLine progress) {
        Map<Integer, String> lastByPartition = recomputed.lastDecidedByPartition();
        // Distinct: an eventId reused across keys may be the last of two partitions, and is answered once.
        List<String> last = new ArrayList<>(new LinkedHashSet<>(lastByPartition.values()));
        PollDeadline wait = PollDeadline.within(max, POLL);
        while (true) {
            Map<String, Optional<EventOutcome>> shown = query.outcomes(last);
            long decided = shown.values().stream().filter(Optional::isPresent).count();
            if (decided == last.size()) {
                return true;
            }
            progress.update("waiting for the projector: " + decided + " of " + last.size()
                    + " partitions decided through their last event read (" + wait.elapsedSeconds()
                    + " s of at most " + max.toSeconds() + " s)");
            if (!wait.pauseBeforeNextPoll()) {
                return false;
            }
        }
    }
}
