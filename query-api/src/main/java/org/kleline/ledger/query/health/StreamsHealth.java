package org.kleline.ledger.query.health;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.read.StoreSources;

/**
 * Whether this node can answer reads: UP only when Kafka Streams is RUNNING, this node is in the
 * group under its configured address, and every partition the assignment gives it of every store
 * the API reads answers a query (restored and active). Otherwise the status says what is missing.
 */
public final class StreamsHealth {

    /** The stores the read API reads. */
    static final List<String> READ_STORES = List.of(
            StoreNames.OUTCOMES,
            StoreNames.WALLETS,
            StoreNames.CARD_PAYMENTS,
            StoreNames.MERCHANTS,
            StoreNames.BALANCES,
            StoreNames.BALANCE_HOURS,
            StoreNames.ACCOUNT_ENTRIES,
            StoreNames.TRIAL_BALANCE,
            StoreNames.SETTLEMENT_ROWS,
            StoreNames.SETTLEMENT_ROWS_BY_DATE);
    /** A key no store holds: the probe asks only whether the partition answers. */
    private static final String PROBE_KEY = "";

    private final KafkaStreams streams;
    private final HostInfo self;

    public StreamsHealth(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    public HealthStatus check() {
        KafkaStreams.State state = streams.state();
        return switch (state) {
            case CREATED -> HealthStatus.STARTING;
            case REBALANCING -> HealthStatus.REBALANCING;
            case RUNNING -> probe();
            case PENDING_ERROR, ERROR -> HealthStatus.FAILED;
            case PENDING_SHUTDOWN, NOT_RUNNING -> HealthStatus.DOWN;
        };
    }

    private HealthStatus probe() {
        try {
            StreamsMetadata mine = null;
            for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
                if (self.equals(instance.hostInfo())) {
                    mine = instance;
                }
            }
            if (mine == null) {
                return HealthStatus.UNKNOWN_TO_GROUP;
            }
            for (String store : READ_STORES) {
                Set<Integer> partitions = new TreeSet<>();
                for (TopicPartition tp : mine.topicPartitions()) {
                    if (StoreSources.inputOf(store).test(tp.topic())) {
                        partitions.add(tp.partition());
                    }
                }
                if (!partitions.isEmpty() && !answers(store, partitions)) {
                    return HealthStatus.RESTORING;
                }
            }
            return HealthStatus.UP;
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // The state moved on between the check and the probe: not ready this time.
            return HealthStatus.REBALANCING;
        }
    }

    private boolean answers(String store, Set<Integer> partitions) {
        StateQueryResult<Object> result = streams.query(StateQueryRequest.inStore(store)
                .withQuery(KeyQuery.<String, Object>withKey(PROBE_KEY))
                .withPartitions(partitions)
                .requireActive());
        for (int partition : partitions) {
            QueryResult<Object> answer = result.getPartitionResults().get(partition);
            if (answer == null || answer.isFailure()) {
                return false;
            }
        }
        return true;
    }
}
