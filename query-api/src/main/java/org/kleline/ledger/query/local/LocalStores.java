package org.kleline.ledger.query.local;

import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.kleline.ledger.projector.read.AccountEntry;
import org.kleline.ledger.projector.read.AccountHistory;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.HistoryFold;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.web.problem.UnavailableException;

/**
 * This instance's own partitions of the projector's stores, and nothing else: a read is answered
 * here only for partitions whose active task runs here and is caught up (restored), else 503.
 *
 * <p>Key and range reads go through IQv2 ({@link KafkaStreams#query}: {@link KeyQuery},
 * {@link RangeQuery}) on explicit partitions with {@code requireActive()}: each partition's answer
 * says whether it was served, so a partition that moved away or is still restoring is a failure to
 * report, never an empty answer taken for "nothing there". Statement and as-of reads go through
 * projector's {@link AccountHistory}, which is written against {@link ReadOnlyKeyValueStore} and
 * runs several ranges per answer; for it the classic {@link KafkaStreams#store} API gives a store
 * pinned to one partition that checks, on every call, that the task is still active here.
 */
public final class LocalStores {

    private final KafkaStreams streams;

    public LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Answers {@code read} from the given partitions of this instance only. */
    public <R> R execute(LocalRead<R> read, Set<Integer> partitions) {
        requireRunning();
        try {
            return read.readLocally(this, partitions);
        } catch (UnknownStateStoreException e) {
            throw new IllegalStateException("the projector's topology has no store named in " + read, e);
        } catch (InvalidStateStoreException e) {
            throw unavailable("a store moved or closed while it was read: " + e.getMessage(), e);
        }
    }

    /** 503 unless Kafka Streams is RUNNING: while it rebalances or restores, figures may be missing or stale. */
    public void requireRunning() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw unavailable("the views are not queryable now: Kafka Streams is " + state, null);
        }
    }

    /** The value of {@code key} in partition {@code partition} of {@code store}, or null if absent. */
    public <V> V get(String store, int partition, String key) {
        StateQueryRequest<V> request = StateQueryRequest.inStore(store)
                .withQuery(KeyQuery.<String, V>withKey(key))
                .withPartitions(Set.of(partition))
                .requireActive();
        return served(streams.query(request), store, partition);
    }

    /** Every entry of {@code store} in {@code partition} with {@code from <= key <= to}, in key order. */
    public <V> void range(String store, int partition, String from, String to, BiConsumer<String, V> each) {
        entries(store, partition, RangeQuery.withRange(from, to), each);
    }

    /** Every entry of {@code store} in {@code partition}, in key order. */
    public <V> void all(String store, int partition, BiConsumer<String, V> each) {
        entries(store, partition, RangeQuery.withNoBounds(), each);
    }

    private <V> void entries(String store, int partition, RangeQuery<String, V> query, BiConsumer<String, V> each) {
        StateQueryRequest<KeyValueIterator<String, V>> request = StateQueryRequest.inStore(store)
                .withQuery(query)
                .withPartitions(Set.of(partition))
                .requireActive();
        try (KeyValueIterator<String, V> it = served(streams.query(request), store, partition)) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                each.accept(kv.key, kv.value);
            }
        }
    }

    /** Balances as of an instant and statements of the accounts in {@code partition} of the balance stage. */
    public AccountHistory history(int partition) {
        ReadOnlyKeyValueStore<String, BalanceTotals> hours = streams.store(StoreQueryParameters.fromNameAndType(
                        StoreNames.BALANCE_HOURS, QueryableStoreTypes.<String, BalanceTotals>keyValueStore())
                .withPartition(partition));
        ReadOnlyKeyValueStore<String, AccountEntry> entries = streams.store(StoreQueryParameters.fromNameAndType(
                        StoreNames.ACCOUNT_ENTRIES, QueryableStoreTypes.<String, AccountEntry>keyValueStore())
                .withPartition(partition));
        ReadOnlyKeyValueStore<String, Long> horizon = streams.store(StoreQueryParameters.fromNameAndType(
                        StoreNames.HISTORY_HORIZON, QueryableStoreTypes.<String, Long>keyValueStore())
                .withPartition(partition));
        return new AccountHistory(hours, entries, HistoryFold.horizonOf(horizon));
    }

    private static <R> R served(StateQueryResult<R> result, String store, int partition) {
        Map<Integer, QueryResult<R>> byPartition = result.getPartitionResults();
        QueryResult<R> answer = byPartition.get(partition);
        if (answer == null) {
            throw unavailable(
                    "partition " + partition + " of store " + store + " is not served by this instance now", null);
        }
        if (answer.isFailure()) {
            switch (answer.getFailureReason()) {
                case UNKNOWN_QUERY_TYPE, DOES_NOT_EXIST ->
                    throw new IllegalStateException("store " + store + " cannot answer this query: "
                            + answer.getFailureReason() + " " + answer.getFailureMessage());
                default ->
                    throw unavailable(
                            "partition " + partition + " of store " + store + " is not queryable here: "
                                    + answer.getFailureReason() + " " + answer.getFailureMessage(),
                            null);
            }
        }
        return answer.getResult();
    }

    static UnavailableException unavailable(String detail, Throwable cause) {
        return new UnavailableException(detail, UnavailableException.DEFAULT_RETRY_AFTER, cause);
    }
}
