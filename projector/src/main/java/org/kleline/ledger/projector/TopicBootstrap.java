package org.kleline.ledger.projector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.topics.ProjectorTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the projector's topics when absent and refuses to start when ledger.events exists with
 * another partition count than configured: events are partitioned by their aggregate key, so a
 * different count would route a key's later events to another partition than its earlier ones
 * and break the per-key order every decision rests on.
 */
public final class TopicBootstrap {

    static final long ADMIN_TIMEOUT_MS = 30_000;
    static final long METADATA_RETRY_MS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrap.class);

    private TopicBootstrap() {}

    /**
     * Creates what is missing; throws {@link IllegalStateException} on a partition count mismatch of
     * ledger.events, or when the application's state was built by the earlier topology.
     */
    public static void ensureTopics(Admin admin, ProjectorSettings settings) {
        try {
            Set<String> present = admin.listTopics().names().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            String formerPostings =
                    settings.applicationId() + "-" + ProjectorTopics.FORMER_POSTINGS_REPARTITION + "-repartition";
            if (present.contains(formerPostings)) {
                throw new IllegalStateException("topic " + formerPostings + " exists: the state of application.id '"
                        + settings.applicationId() + "' was built by an earlier projector, whose balance views were"
                        + " partitioned by account; this one keeps them by event partition. Refusing to start on"
                        + " that state: reset the application (kafka-streams-application-reset, then delete the"
                        + " local state directory) or choose a new application.id, and the views are rebuilt from"
                        + " the log");
            }
            Map<String, TopicDescription> existing = describeExisting(admin, present);
            TopicDescription events = existing.get(ProjectorTopics.EVENTS);
            if (events != null && events.partitions().size() != settings.partitions()) {
                throw new IllegalStateException(ProjectorTopics.EVENTS + " exists with "
                        + events.partitions().size()
                        + " partitions but " + ProjectorSettings.PARTITIONS + " is " + settings.partitions()
                        + ": refusing to start (a key's events would move to another partition)");
            }
            List<NewTopic> missing = new ArrayList<>();
            for (ProjectorTopics.TopicSpec spec : ProjectorTopics.all()) {
                if (!existing.containsKey(spec.name())) {
                    Map<String, String> configs = new HashMap<>(spec.configs());
                    configs.put(
                            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                            Integer.toString(settings.replication() >= 3 ? 2 : 1));
                    // Whatever the broker's default: an out-of-sync leader would lose acknowledged records.
                    configs.put(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false");
                    missing.add(
                            new NewTopic(spec.name(), settings.partitions(), settings.replication()).configs(configs));
                }
            }
            if (!missing.isEmpty()) {
                create(admin, missing);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the projector's topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not check or create the projector's topics: " + e, e);
        }
    }

    private static Map<String, TopicDescription> describeExisting(Admin admin, Set<String> present)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> names = ProjectorTopics.all().stream()
                .map(ProjectorTopics.TopicSpec::name)
                .toList();
        List<String> wanted = names.stream().filter(present::contains).toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return admin.describeTopics(wanted).allTopicNames().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private static void create(Admin admin, List<NewTopic> missing)
            throws InterruptedException, ExecutionException, TimeoutException {
        var result = admin.createTopics(missing);
        for (NewTopic topic : missing) {
            try {
                result.values().get(topic.name()).get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                LOG.info(
                        "created topic {} ({} partitions, replication {})",
                        topic.name(),
                        topic.numPartitions(),
                        topic.replicationFactor());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another projector instance created it meanwhile: fine.
            }
        }
        awaitLeaders(admin, missing);
    }

    /**
     * Returns once every partition of the topics just created is served by its leader. For a moment
     * after creation the metadata names a leader whose replica manager answers NOT_LEADER_OR_FOLLOWER;
     * an idempotent producer whose first batches met that was seen retrying OUT_OF_ORDER_SEQUENCE_NUMBER
     * for ever. A list-offsets request is answered by each partition's leader itself, and the admin
     * client retries it (leader look-up included) until it is; a moment earlier still, the metadata
     * may not know the topic at all (UNKNOWN_TOPIC_OR_PARTITION, which the admin client does not
     * retry): asked again until {@link #ADMIN_TIMEOUT_MS}.
     */
    private static void awaitLeaders(Admin admin, List<NewTopic> created)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (NewTopic topic : created) {
            for (int partition = 0; partition < topic.numPartitions(); partition++) {
                partitions.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
            }
        }
        if (partitions.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ADMIN_TIMEOUT_MS);
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                // The broker's metadata cache learns of the new topic within milliseconds: a short
                // pause between asks, bounded by the deadline above.
                Thread.sleep(METADATA_RETRY_MS);
            }
        }
    }
}
