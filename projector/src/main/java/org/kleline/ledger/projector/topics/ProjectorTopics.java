package org.kleline.ledger.projector.topics;

import java.util.List;
import java.util.Map;
import org.kleline.ledger.model.topics.Topics;

/**
 * The topics the projector reads and writes, with the settings each is created with: names, serdes
 * and creation settings all from ledger-model's {@link Topics}, the one home of a topic's contract. The event
 * log and the journal are kept for ever; the outcomes too (the outcome view is rebuilt from them);
 * settlement rows are compacted, one live row per (merchant, date, currency).
 */
public final class ProjectorTopics {

    public static final String EVENTS = Topics.EVENTS;
    public static final String OUTCOMES = Topics.OUTCOMES;
    public static final String JOURNAL = Topics.JOURNAL;
    public static final String SETTLEMENTS = Topics.SETTLEMENTS;
    public static final String EVENTS_DLQ = Topics.EVENTS_DLQ;

    /** Internal topics are named {@code <application.id>-<name>-repartition}. */
    public static final String SETTLEMENT_REPARTITION = "settlement-effects";

    /**
     * The repartition topic's name in topologies before postings were applied in the decide stage:
     * its existence means the balance views were built partitioned by account ({@code TopicBootstrap}
     * refuses to start on them).
     */
    public static final String FORMER_POSTINGS_REPARTITION = "postings";

    private ProjectorTopics() {}

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
        return List.of(EVENTS, OUTCOMES, JOURNAL, SETTLEMENTS, EVENTS_DLQ).stream()
                .map(name -> new TopicSpec(name, Topics.creationConfigs(name)))
                .toList();
    }
}
