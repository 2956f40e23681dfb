package org.kleline.ledger.projector.topics;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.kleline.ledger.model.topics.Topics;

/**
 * The topics the projector reads and writes (names and serdes from ledger-model's {@link Topics}),
 * with the settings each is created with. The event
 * log and the journal are kept for ever; the outcomes too (the outcome view is rebuilt from them);
 * settlement rows are compacted, one live row per (merchant, date, currency).
 */
public final class ProjectorTopics {

    public static final String EVENTS = Topics.EVENTS;
    public static final String OUTCOMES = Topics.OUTCOMES;
    public static final String JOURNAL = Topics.JOURNAL;
    public static final String SETTLEMENTS = Topics.SETTLEMENTS;
    public static final String EVENTS_DLQ = Topics.EVENTS_DLQ;

    private static final Map<String, String> FOR_EVER = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    private static final Map<String, String> COMPACTED = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    /** Internal topics are named {@code <application.id>-<name>-repartition}. */
    public static final String SETTLEMENT_REPARTITION = "settlement-effects";

    /**
     * The repartition topic's name in topologies before postings were applied in the decide stage:
     * its existence means the balance views were built partitioned by account ({@code TopicBootstrap}
     * refuses to start on them).
     */
    public static final String FORMER_POSTINGS_REPARTITION = "postings";

    private ProjectorTopics() {
    }

    /** The internal topic the settlement stage reads: {@code <application.id>-settlement-effects-repartition}. */
    public static String settlementEffectsTopic(String applicationId) {
        return applicationId + "-" + SETTLEMENT_REPARTITION + "-repartition";
    }

    /** A topic the projector makes sure of at start. */
    public record TopicSpec(String name, Map<String, String> configs) {
        public TopicSpec {
            configs = Map.copyOf(configs);
        }
    }

    public static List<TopicSpec> all() {
        return List.of(
                new TopicSpec(EVENTS, FOR_EVER),
                new TopicSpec(OUTCOMES, FOR_EVER),
                new TopicSpec(JOURNAL, FOR_EVER),
                new TopicSpec(SETTLEMENTS, COMPACTED),
                new TopicSpec(EVENTS_DLQ, FOR_EVER));
    }
}
