package org.kleline.ledger.query.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.read.StoreSources;
import org.kleline.ledger.web.problem.UnavailableException;

class PartitionPlanTest {

    private static final String EFFECTS = "app-settlement-effects-repartition";
    private static final HostInfo A = new HostInfo("a", 1);
    private static final HostInfo B = new HostInfo("b", 2);

    @Test
    void eachInstanceIsAskedForThePartitionsOfTheStoresOwnTopicOnly() {
        PartitionPlan plan = plan(
                instance(A, tp(EFFECTS, 0), tp(EFFECTS, 2), tp("ledger.events", 1)),
                instance(B, tp(EFFECTS, 1), tp("ledger.events", 0), tp("ledger.events", 2)));
        assertThat(plan.owners()).isEqualTo(Map.of(A, Set.of(0, 2), B, Set.of(1)));
    }

    @Test
    void anInstanceWithoutPartitionsOfTheStoreIsNotAsked() {
        PartitionPlan plan = plan(instance(A, tp(EFFECTS, 0), tp(EFFECTS, 1)), instance(B, tp("ledger.events", 0)));
        assertThat(plan.owners()).containsOnlyKeys(A);
    }

    @Test
    void aPartitionOwnedTwiceIsA503NotADoubledSum() {
        assertThatThrownBy(() -> plan(instance(A, tp(EFFECTS, 0), tp(EFFECTS, 1)), instance(B, tp(EFFECTS, 1))))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("partition 1");
    }

    @Test
    void aPartitionWithoutOwnerIsA503NotAMissingPart() {
        assertThatThrownBy(() -> plan(instance(A, tp(EFFECTS, 0)), instance(B, tp(EFFECTS, 2))))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("without an owner");
    }

    @Test
    void noOwnerAtAllIsA503() {
        assertThatThrownBy(() -> plan(instance(A, tp("ledger.events", 0))))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("no instance");
    }

    static Stream<Arguments> storesAndTopics() {
        return Stream.of(
                Arguments.of(StoreNames.WALLETS, "ledger.events", true),
                // The decide stage keeps the outcomes: partitioned like ledger.events, not like ledger.outcomes.
                Arguments.of(StoreNames.OUTCOMES, "ledger.events", true),
                Arguments.of(StoreNames.OUTCOMES, "ledger.outcomes", false),
                // The decide stage applies the postings: the balance views are partitioned like ledger.events too.
                Arguments.of(StoreNames.ACCOUNT_ENTRIES, "ledger.events", true),
                Arguments.of(StoreNames.BALANCES, "ledger.events", true),
                Arguments.of(StoreNames.SETTLEMENT_ROWS, "my-app-settlement-effects-repartition", true),
                Arguments.of(StoreNames.SETTLEMENT_ROWS, "ledger.events", false));
    }

    @ParameterizedTest(name = "{0} is fed by {1}: {2}")
    @MethodSource("storesAndTopics")
    void storesMapToTheTopicOfTheirStage(String store, String topic, boolean feedsIt) {
        assertThat(StoreSources.inputOf(store).test(topic)).isEqualTo(feedsIt);
    }

    @Test
    void aStoreTheProjectorDoesNotHaveHasNoTopic() {
        assertThatThrownBy(() -> StoreSources.inputOf("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    private static PartitionPlan plan(StreamsMetadata... instances) {
        return PartitionPlan.of(
                StoreNames.SETTLEMENT_ROWS, List.of(instances), StoreSources.inputOf(StoreNames.SETTLEMENT_ROWS));
    }

    private static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }

    private static StreamsMetadata instance(HostInfo host, TopicPartition... partitions) {
        return new StreamsMetadata() {
            @Override
            public HostInfo hostInfo() {
                return host;
            }

            @Override
            public Set<String> stateStoreNames() {
                return Set.of(StoreNames.BALANCES);
            }

            @Override
            public Set<TopicPartition> topicPartitions() {
                return Set.of(partitions);
            }

            @Override
            public Set<TopicPartition> standbyTopicPartitions() {
                return Set.of();
            }

            @Override
            public Set<String> standbyStateStoreNames() {
                return Set.of();
            }

            @Override
            public String host() {
                return host.host();
            }

            @Override
            public int port() {
                return host.port();
            }
        };
    }
}
