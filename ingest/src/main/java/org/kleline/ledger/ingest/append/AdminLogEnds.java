package org.kleline.ledger.ingest.append;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.kleline.ledger.web.problem.UnavailableException;

/**
 * {@link LogEnds} from an admin client's {@code ListOffsets} (latest, read_uncommitted: the high
 * watermark, below which lies every record acknowledged with {@code acks=all}). Concurrent requests
 * share look-ups: at most one is in flight, and every request that arrives meanwhile joins the next
 * one, which starts once it completes, so each is answered by a look-up that started after it
 * arrived, and a burst of writes costs two round trips, not one each.
 */
final class AdminLogEnds implements LogEnds {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;
    private final String topic;
    private final Object lock = new Object();
    private List<TopicPartition> partitions;
    private CompletableFuture<List<Long>> next;
    private boolean inFlight;

    AdminLogEnds(Admin admin, String topic) {
        this.admin = admin;
        this.topic = topic;
    }

    /** The look-ups of a running ingest, with the admin keys of {@code base} (bootstrap.servers, security). */
    public static AdminLogEnds create(String topic, Map<String, Object> base) {
        Map<String, Object> config = new HashMap<>();
        base.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ledger-ingest-log-ends");
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return new AdminLogEnds(Admin.create(config), topic);
    }

    @Override
    public CompletableFuture<List<Long>> afterNow() {
        synchronized (lock) {
            if (next == null) {
                next = new CompletableFuture<>();
            }
            CompletableFuture<List<Long>> answer = next;
            if (!inFlight) {
                startLookUp();
            }
            return answer;
        }
    }

    /** Called with the lock held. */
    private void startLookUp() {
        CompletableFuture<List<Long>> batch = next;
        next = null;
        inFlight = true;
        lookUp().whenComplete((ends, error) -> {
            if (error == null) {
                batch.complete(ends);
            } else {
                batch.completeExceptionally(unavailable(error));
            }
            synchronized (lock) {
                inFlight = false;
                if (next != null) {
                    startLookUp();
                }
            }
        });
    }

    private CompletableFuture<List<Long>> lookUp() {
        CompletableFuture<List<TopicPartition>> known;
        synchronized (lock) {
            known = partitions != null ? CompletableFuture.completedFuture(partitions) : null;
        }
        if (known == null) {
            known = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .thenApply(descriptions -> {
                        TopicDescription description = descriptions.get(topic);
                        List<TopicPartition> all = new ArrayList<>();
                        description.partitions().forEach(p -> all.add(new TopicPartition(topic, p.partition())));
                        all.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
                        synchronized (lock) {
                            partitions = List.copyOf(all);
                        }
                        return partitions;
                    });
        }
        return known.thenCompose(this::ends);
    }

    private CompletableFuture<List<Long>> ends(List<TopicPartition> all) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        all.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        ListOffsetsOptions options =
                new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED).timeoutMs((int) TIMEOUT.toMillis());
        return admin.listOffsets(latest, options)
                .all()
                .toCompletionStage()
                .toCompletableFuture()
                .thenApply(offsets -> {
                    List<Long> ends = new ArrayList<>(all.size());
                    for (TopicPartition tp : all) {
                        ListOffsetsResultInfo info = offsets.get(tp);
                        ends.add(info.offset());
                    }
                    return List.copyOf(ends);
                });
    }

    private UnavailableException unavailable(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
        return new UnavailableException(
                "the end offsets of " + topic + " could not be read ("
                        + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "); nothing was appended",
                Duration.ofSeconds(2),
                cause);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
