package org.kleline.ledger.projector.read;

import java.util.function.Predicate;
import org.kleline.ledger.projector.topics.ProjectorTopics;

/**
 * The input topic whose partitions are the partitions of each projector store (what a reader routes a
 * store's keys by): a store of partition
 * p belongs to the task reading partition p of it. The Streams metadata lists, per instance, the
 * partitions of every input topic of its active tasks; this picks the ones that matter for a store.
 */
public final class StoreSources {

    private StoreSources() {}

    /** Whether {@code topic} is the input of the stage that owns {@code store}. */
    public static Predicate<String> inputOf(String store) {
        if (StoreNames.DECIDE_STAGE.contains(store)) {
            return ProjectorTopics.EVENTS::equals;
        }
        return switch (store) {
            case StoreNames.SETTLEMENT_ROWS, StoreNames.SETTLEMENT_ROWS_BY_DATE ->
                repartition(ProjectorTopics.SETTLEMENT_REPARTITION);
            default -> throw new IllegalArgumentException("not a store of the projector: '" + store + "'");
        };
    }

    /** {@code <application.id>-<name>-repartition}, whatever the application id. */
    private static Predicate<String> repartition(String name) {
        String suffix = "-" + name + "-repartition";
        return topic -> topic.endsWith(suffix);
    }
}
