package org.kleline.ledger.projector.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.projector.decide.DecideOutput;
import org.kleline.ledger.projector.decide.DecideProcessor;
import org.kleline.ledger.projector.decide.DecideStores;
import org.kleline.ledger.projector.decide.MerchantDirectorySource;
import org.kleline.ledger.projector.errors.ProjectorMetrics;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.settlement.SettlementDelta;
import org.kleline.ledger.projector.settlement.SettlementProcessor;
import org.kleline.ledger.projector.settlement.SettlementStores;
import org.kleline.ledger.projector.topics.ProjectorTopics;
import org.kleline.ledger.projector.views.ViewStores;

/**
 * The projector's topology, built by one function so that the tests drive the very same one:
 * <ol>
 *   <li>decide (per ledger.events partition; keeps the first outcome of each eventId, the outcome view,
 *       and applies the postings to the balance views of the same partition)
 *       → ledger.outcomes, ledger.journal, settlement effects;</li>
 *   <li>settlement (effects repartitioned by {@code merchantId|date|currency}) → ledger.settlements.</li>
 * </ol>
 * Everything is in one application, so state, outputs and offsets commit in one transaction.
 */
public final class ProjectorTopology {

    private ProjectorTopology() {}

    public static void build(
            StreamsBuilder builder,
            TopicSerdes serdes,
            BusinessCalendar calendar,
            MerchantDirectorySource merchants,
            ProjectorMetrics metrics) {
        builder.addStateStore(DecideStores.wallets());
        builder.addStateStore(DecideStores.cardPayments());
        builder.addStateStore(DecideStores.merchants());
        builder.addStateStore(DecideStores.outcomes());
        builder.addStateStore(DecideStores.payoutIds());
        builder.addStateStore(ViewStores.balances());
        builder.addStateStore(ViewStores.balanceHours());
        builder.addStateStore(ViewStores.accountEntries());
        builder.addStateStore(ViewStores.trialBalance());
        builder.addStateStore(ViewStores.historyHorizon());
        builder.addStateStore(SettlementStores.rows());
        builder.addStateStore(SettlementStores.rowsByDate());

        KStream<String, DecideOutput> decided = builder.stream(
                        ProjectorTopics.EVENTS,
                        Consumed.with(Serdes.String(), serdes.events()).withName("events"))
                .process(
                        () -> new DecideProcessor(calendar, merchants, metrics),
                        Named.as("decide"),
                        StoreNames.DECIDE_STAGE.toArray(String[]::new));

        decided.split(Named.as("decided-"))
                .branch(
                        (k, v) -> v instanceof DecideOutput.Outcome,
                        Branched.withConsumer(
                                s -> s.mapValues(v -> ((DecideOutput.Outcome) v).value(), Named.as("outcome-value"))
                                        .to(
                                                ProjectorTopics.OUTCOMES,
                                                Produced.with(Serdes.String(), serdes.outcomes())
                                                        .withName("outcomes-out")),
                                "outcomes"))
                .branch(
                        (k, v) -> v instanceof DecideOutput.Journal,
                        Branched.withConsumer(
                                s -> s.mapValues(v -> ((DecideOutput.Journal) v).value(), Named.as("journal-value"))
                                        .to(
                                                ProjectorTopics.JOURNAL,
                                                Produced.with(Serdes.String(), serdes.journal())
                                                        .withName("journal-out")),
                                "journal"))
                .branch(
                        (k, v) -> v instanceof DecideOutput.SettlementOut,
                        Branched.withConsumer(s -> settlement(s, serdes, metrics), "settlement"))
                .branch(
                        (k, v) -> v instanceof DecideOutput.DeadLetter,
                        Branched.withConsumer(
                                s -> s.mapValues(
                                                v -> ((DecideOutput.DeadLetter) v).value(),
                                                Named.as("dead-letter-value"))
                                        .to(
                                                ProjectorTopics.EVENTS_DLQ,
                                                Produced.with(Serdes.String(), serdes.events())
                                                        .withName("dead-letter-out")),
                                "dead-letters"))
                .noDefaultBranch();
    }

    private static void settlement(
            KStream<String, DecideOutput> effects, TopicSerdes serdes, ProjectorMetrics metrics) {
        effects.mapValues(v -> ((DecideOutput.SettlementOut) v).value(), Named.as("settlement-value"))
                .repartition(Repartitioned.<String, SettlementDelta>as(ProjectorTopics.SETTLEMENT_REPARTITION)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(SettlementStores.SETTLEMENT_DELTA))
                .process(
                        () -> new SettlementProcessor(metrics),
                        Named.as("settlement"),
                        StoreNames.SETTLEMENT_STAGE.toArray(String[]::new))
                .to(
                        ProjectorTopics.SETTLEMENTS,
                        Produced.with(Serdes.String(), serdes.settlements()).withName("settlements-out"));
    }
}
