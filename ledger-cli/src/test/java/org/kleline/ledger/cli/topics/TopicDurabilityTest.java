package org.kleline.ledger.cli.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.cli.topics.TopicDurability.Expectation;
import org.kleline.ledger.cli.topics.TopicDurability.Findings;
import org.kleline.ledger.cli.topics.TopicDurability.TopicFacts;

/** The judgement over topics as a cluster describes them: what refuses a start, what is only warned about. */
class TopicDurabilityTest {

    private static final Expectation CLUSTER = new Expectation(6, 3);

    @Test
    void safeTopicsPassSilently() {
        Findings findings = TopicDurability.assess(
                topics(
                        fact("ledger.events", 6, 3, 2, false), fact("ledger.outcomes", 6, 3, 2, false),
                        fact("ledger.journal", 6, 3, 2, false), fact("ledger.settlements", 6, 3, 2, false),
                        fact("ledger.events.dlq", 6, 3, 2, false), fact("ledger.api-keys", 1, 3, 2, false)),
                TopicDurability.NODE_TOPICS,
                CLUSTER);
        assertThat(findings.refusals()).isEmpty();
        assertThat(findings.warnings()).isEmpty();
    }

    @Test
    void uncleanLeaderElectionRefusesTheStart() {
        Findings findings = TopicDurability.assess(
                topics(fact("ledger.events", 6, 3, 2, true)), TopicDurability.NODE_TOPICS, CLUSTER);
        assertThat(findings.refusals())
                .singleElement()
                .asString()
                .startsWith("ledger.events has unclean.leader.election.enable=true");
    }

    @Test
    void aPartitionCountOtherThanExpectedRefusesTheStart() {
        Findings findings = TopicDurability.assess(
                topics(
                        fact("ledger.events", 6, 3, 2, false),
                        fact("ledger.journal", 12, 3, 2, false),
                        fact("ledger.api-keys", 2, 3, 2, false)),
                TopicDurability.NODE_TOPICS,
                CLUSTER);
        assertThat(findings.refusals())
                .containsExactly(
                        "ledger.journal has 12 partitions, 6 expected (the ledger topics share one count: a key's events "
                                + "would move to another partition)",
                        "ledger.api-keys has 2 partitions, 1 expected (only partition 0 is read)");
    }

    @Test
    void anIngestTakesTheCountOfLedgerEventsAndRefusesTopicsThatDisagree() {
        Expectation ingest = new Expectation(0, 3);
        assertThat(TopicDurability.assess(
                                topics(
                                        fact("ledger.events", 12, 3, 2, false),
                                        fact("ledger.outcomes", 12, 3, 2, false)),
                                TopicDurability.INGEST_TOPICS,
                                ingest)
                        .refusals())
                .isEmpty();
        assertThat(TopicDurability.assess(
                                topics(fact("ledger.events", 12, 3, 2, false), fact("ledger.outcomes", 6, 3, 2, false)),
                                TopicDurability.INGEST_TOPICS,
                                ingest)
                        .refusals())
                .containsExactly("ledger.outcomes has 6 partitions, 12 as ledger.events has (the ledger topics share "
                        + "one count: a key's events would move to another partition)");
    }

    @Test
    void minInsyncReplicasAboveTheReplicationFactorRefusesTheStart() {
        Findings findings = TopicDurability.assess(
                topics(fact("ledger.events", 6, 1, 2, false)), TopicDurability.NODE_TOPICS, new Expectation(6, 1));
        assertThat(findings.refusals())
                .containsExactly("ledger.events has min.insync.replicas=2 above its "
                        + "replication factor 1: no write with acks=all could be acknowledged");
    }

    @Test
    void replicationUnderThreeIsWarnedAboutUnlessTheRoleWasToldToExpectIt() {
        Map<String, TopicFacts> single =
                topics(fact("ledger.events", 6, 1, 1, false), fact("ledger.api-keys", 1, 1, 1, false));
        Findings expectingThree = TopicDurability.assess(single, TopicDurability.NODE_TOPICS, CLUSTER);
        assertThat(expectingThree.refusals()).isEmpty();
        assertThat(expectingThree.warnings())
                .hasSize(2)
                .allSatisfy(w -> assertThat(w).contains("has replication factor 1", "--replication 1"));

        assertThat(TopicDurability.assess(single, TopicDurability.NODE_TOPICS, new Expectation(6, 1))
                        .warnings())
                .as("--replication 1, a one-broker cluster, ledger run")
                .isEmpty();
        assertThat(TopicDurability.assess(
                                topics(fact("ledger.events", 6, 2, 1, false)),
                                TopicDurability.NODE_TOPICS,
                                new Expectation(6, 1))
                        .warnings())
                .isEmpty();
        assertThat(TopicDurability.assess(
                                topics(fact("ledger.events", 6, 2, 1, false)), TopicDurability.NODE_TOPICS, CLUSTER)
                        .warnings())
                .singleElement()
                .asString()
                .contains("replication factor 2");
    }

    @Test
    void minInsyncReplicasOfOneWithThreeReplicasIsWarnedAbout() {
        Findings findings = TopicDurability.assess(
                topics(fact("ledger.outcomes", 6, 3, 1, false)), TopicDurability.NODE_TOPICS, CLUSTER);
        assertThat(findings.refusals()).isEmpty();
        assertThat(findings.warnings())
                .singleElement()
                .asString()
                .startsWith("ledger.outcomes has min.insync.replicas=1 with 3 replicas");
    }

    @Test
    void topicsThatDoNotExistYetAreNotChecked() {
        Findings findings = TopicDurability.assess(Map.of(), TopicDurability.NODE_TOPICS, CLUSTER);
        assertThat(findings.refusals()).isEmpty();
        assertThat(findings.warnings()).isEmpty();
    }

    private static TopicFacts fact(String name, int partitions, int replication, int minInsync, boolean unclean) {
        return new TopicFacts(name, partitions, replication, minInsync, unclean);
    }

    private static Map<String, TopicFacts> topics(TopicFacts... facts) {
        Map<String, TopicFacts> byName = new LinkedHashMap<>();
        List.of(facts).forEach(f -> byName.put(f.name(), f));
        return byName;
    }
}
