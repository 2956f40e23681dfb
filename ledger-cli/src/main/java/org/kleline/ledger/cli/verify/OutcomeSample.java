package org.kleline.ledger.cli.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * Which events' outcomes are read back through the query API. Every outcome is already compared
 * where the projector wrote it, on {@code ledger.outcomes} ({@link OutcomeTopicAudit}), in the
 * same transaction as the outcome view's entry; the view is then checked on an evenly spread
 * sample of the log's events (every k-th in the order they were read, so every partition and the
 * whole span of the log), not one request per 1,000 events of the log, which took most of a
 * verify's time.
 */
final class OutcomeSample {

    /** The default: about 20 bulk reads of 1,000 ids. */
    static final int DEFAULT_SIZE = 20_000;

    private OutcomeSample() {}

    /**
     * Every k-th id of {@code ids} from the first, with k the smallest step that keeps at most
     * {@code atMost} of them; all of them when there are no more than that.
     *
     * @throws IllegalArgumentException when {@code atMost} is below 1
     */
    static List<String> spread(List<String> ids, int atMost) {
        if (atMost < 1) {
            throw new IllegalArgumentException("a sample holds at least 1 event, not " + atMost);
        }
        if (ids.size() <= atMost) {
            return ids;
        }
        int step = (int) ((ids.size() + (long) atMost - 1) / atMost);
        List<String> sample = new ArrayList<>(ids.size() / step + 1);
        for (int i = 0; i < ids.size(); i += step) {
            sample.add(ids.get(i));
        }
        return sample;
    }
}
