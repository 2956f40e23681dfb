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
        return switch (store) {
            // The decide stage applies postings to the balance views of its own partition.
            case StoreNames.WALLETS,
                    StoreNames.CARD_PAYMENTS,
                    StoreNames.MERCHANTS,
                    StoreNames.OUTCOMES,
                    StoreNames.PAYOUT_IDS,
                    StoreNames.BALANCES,
                    StoreNames.BALANCE_HOURS,
                    StoreNames.ACCOUNT_ENTRIES,
                    StoreNames.TRIAL_BALANCE,
                    StoreNames.HISTORY_HORIZON -> ProjectorTopics.EVENTS::equals;
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
