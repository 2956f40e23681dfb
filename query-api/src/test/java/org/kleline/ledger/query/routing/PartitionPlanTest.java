package org.kleline.ledger.query.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.projector.topology.StoreNames;
import org.kleline.ledger.web.problem.UnavailableException;

class PartitionPlanTest {

    private static final String POSTINGS = "app-postings-repartition";
    private static final HostInfo A = new HostInfo("a", 1);
    private static final HostInfo B = new HostInfo("b", 2);

    @Test
    void eachInstanceIsAskedForThePartitionsOfTheStoresOwnTopicOnly() {
        PartitionPlan plan = plan(
                instance(A, tp(POSTINGS, 0), tp(POSTINGS, 2), tp("ledger.events", 1)),
                instance(B, tp(POSTINGS, 1), tp("ledger.events", 0), tp("ledger.events", 2)));
        assertThat(plan.owners()).isEqualTo(Map.of(A, Set.of(0, 2), B, Set.of(1)));
    }

    @Test
    void anInstanceWithoutPartitionsOfTheStoreIsNotAsked() {
        PartitionPlan plan = plan(instance(A, tp(POSTINGS, 0), tp(POSTINGS, 1)), instance(B, tp("ledger.events", 0)));
        assertThat(plan.owners()).containsOnlyKeys(A);
    }

    @Test
    void aPartitionOwnedTwiceIsA503NotADoubledSum() {
        assertThatThrownBy(() -> plan(instance(A, tp(POSTINGS, 0), tp(POSTINGS, 1)), instance(B, tp(POSTINGS, 1))))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("partition 1");
    }

    @Test
    void aPartitionWithoutOwnerIsA503NotAMissingPart() {
        assertThatThrownBy(() -> plan(instance(A, tp(POSTINGS, 0)), instance(B, tp(POSTINGS, 2))))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("without an owner");
    }

    @Test
    void noOwnerAtAllIsA503() {
        assertThatThrownBy(() -> plan(instance(A, tp("ledger.events", 0))))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("no instance");
    }

    @Test
    void storesMapToTheTopicOfTheirStage() {
        assertThat(StoreSources.inputOf(StoreNames.WALLETS).test("ledger.events")).isTrue();
        // The decide stage keeps the outcomes: partitioned like ledger.events, not like ledger.outcomes.
        assertThat(StoreSources.inputOf(StoreNames.OUTCOMES).test("ledger.events")).isTrue();
        assertThat(StoreSources.inputOf(StoreNames.OUTCOMES).test("ledger.outcomes")).isFalse();
        assertThat(StoreSources.inputOf(StoreNames.ACCOUNT_ENTRIES).test("my-app-postings-repartition")).isTrue();
        assertThat(StoreSources.inputOf(StoreNames.SETTLEMENT_ROWS).test("my-app-settlement-effects-repartition")).isTrue();
        assertThat(StoreSources.inputOf(StoreNames.SETTLEMENT_ROWS).test("my-app-postings-repartition")).isFalse();
        assertThatThrownBy(() -> StoreSources.inputOf("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    private static PartitionPlan plan(StreamsMetadata... instances) {
        return PartitionPlan.of(StoreNames.BALANCES, List.of(instances), StoreSources.inputOf(StoreNames.BALANCES));
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
