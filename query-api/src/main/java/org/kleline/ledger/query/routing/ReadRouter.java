package org.kleline.ledger.query.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.kleline.ledger.projector.read.StoreSources;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.query.reads.KeyRead;
import org.kleline.ledger.query.reads.PartitionRead;
import org.kleline.ledger.web.problem.ProblemException;
import org.kleline.ledger.web.problem.UnavailableException;

/**
 * Sends each read where its data is. A key read goes to the active owner of the key's partition
 * ({@link KafkaStreams#queryMetadataForKey}, with the projector's own key serializer, so the
 * partition is the one the projector's producer chose); a read over a whole store goes to every
 * instance for the partitions it owns ({@link KafkaStreams#streamsMetadataForStore}), remote ones
 * in parallel. This node answers its own share from its stores; the others over HTTP.
 */
public final class ReadRouter {

    /** The projector's stores are keyed by strings and its repartitions use the String serde. */
    private static final Serializer<String> KEYS = new StringSerializer();
    /** Past the forward's own timeout, a little for the answer's JSON to be read. */
    private static final Duration AWAIT_MARGIN = Duration.ofMillis(500);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalStores local;
    private final RemoteReads remote;
    private final Duration awaitLimit;

    public ReadRouter(
            KafkaStreams streams, HostInfo self, LocalStores local, RemoteReads remote, Duration forwardTimeout) {
        this.streams = streams;
        this.self = self;
        this.local = local;
        this.remote = remote;
        this.awaitLimit = forwardTimeout.plus(AWAIT_MARGIN);
    }

    /** The answer of the key's owner; null when the key is absent. */
    public <R> R read(KeyRead<R> read) {
        local.requireRunning();
        KeyQueryMetadata owner = ownerOf(read.store(), read.key());
        Set<Integer> partition = Set.of(owner.partition());
        if (self.equals(owner.activeHost())) {
            return local.execute(read, partition);
        }
        return await(remote.execute(owner.activeHost(), read, partition), owner.activeHost());
    }

    /** One part per instance owning partitions of the read's store; every partition answered exactly once. */
    public <R> List<R> gather(PartitionRead<R> read) {
        local.requireRunning();
        PartitionPlan plan;
        try {
            plan = PartitionPlan.of(
                    read.store(), streams.streamsMetadataForStore(read.store()), StoreSources.inputOf(read.store()));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new UnavailableException(
                    "the owners of store " + read.store() + " are not known now: " + e.getMessage(),
                    UnavailableException.DEFAULT_RETRY_AFTER,
                    e);
        }
        Map<HostInfo, CompletableFuture<R>> asked = new LinkedHashMap<>();
        plan.owners().forEach((host, partitions) -> {
            if (!self.equals(host)) {
                asked.put(host, remote.execute(host, read, partitions));
            }
        });
        List<R> parts = new ArrayList<>(plan.owners().size());
        try {
            Set<Integer> mine = plan.owners().get(self);
            if (mine != null) {
                parts.add(local.execute(read, mine));
            }
            for (Map.Entry<HostInfo, CompletableFuture<R>> answer : asked.entrySet()) {
                parts.add(await(answer.getValue(), answer.getKey()));
            }
        } finally {
            asked.values().forEach(f -> f.cancel(true));
        }
        return parts;
    }

    /** The active owner of {@code key} and its partition; a 503 when the assignment does not say now. */
    private KeyQueryMetadata ownerOf(String store, String key) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(store, key, KEYS);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new UnavailableException(
                    "the owner of " + store + " key '" + key + "' is not known now: " + e.getMessage(),
                    UnavailableException.DEFAULT_RETRY_AFTER,
                    e);
        }
        if (owner == null) {
            throw new IllegalStateException("the projector's topology has no store " + store);
        }
        if (owner.partition() < 0
                || owner.activeHost() == null
                || owner.activeHost().port() < 0) {
            throw new UnavailableException(
                    "the owner of " + store + " key '" + key + "' is not known now (a rebalance is under way)");
        }
        return owner;
    }

    /** Whether this node appears in the group's metadata under its configured address. */
    public boolean selfKnownToGroup() {
        for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
            if (self.equals(instance.hostInfo())) {
                return true;
            }
        }
        return false;
    }

    private <R> R await(CompletableFuture<R> answer, HostInfo owner) {
        try {
            return answer.get(awaitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProblemException p) {
                throw p;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new UnavailableException(
                    "instance " + RemoteReads.address(owner) + " failed to answer: " + cause,
                    UnavailableException.DEFAULT_RETRY_AFTER,
                    cause);
        } catch (TimeoutException e) {
            throw new UnavailableException(
                    "instance " + RemoteReads.address(owner) + " did not answer within " + awaitLimit.toMillis()
                            + " ms",
                    UnavailableException.DEFAULT_RETRY_AFTER,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(
                    "interrupted while waiting for instance " + RemoteReads.address(owner),
                    UnavailableException.DEFAULT_RETRY_AFTER,
                    e);
        }
    }
}
