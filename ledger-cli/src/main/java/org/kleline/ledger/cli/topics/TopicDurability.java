package org.kleline.ledger.cli.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.kleline.ledger.cli.lifecycle.StartupFailure;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.web.auth.KafkaApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a role checks, at start, of the topics it uses: that no acknowledged event can be lost by the
 * topics' own settings, and that their partitions are what the ledger rests on. It refuses to start on
 * <ul>
 *   <li>{@code unclean.leader.election.enable=true}: a replica out of sync may become leader, and what the
 *       others had acknowledged is gone;</li>
 *   <li>a partition count other than expected: the five ledger topics share one count (a key's events
 *       would move to another partition), {@code ledger.api-keys} has one partition (only it is read);</li>
 *   <li>{@code min.insync.replicas} above the replication factor: no write could ever be acknowledged;</li>
 * </ul>
 * and warns (the log, at WARN) of a replication factor under 3, unless the role was told to expect as little
 * ({@code --replication 1} on a one-broker cluster, {@code ledger run}), and of {@code min.insync.replicas}
 * under 2 with 3 replicas or more ({@code acks=all} is then met by the leader alone). Topics that do not
 * exist yet are not checked: the node creates them with these settings.
 */
public final class TopicDurability {

    /** The replication factor under which a topic is warned about, unless expected. */
    public static final int SAFE_REPLICATION = 3;

    static final long ADMIN_TIMEOUT_MS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(TopicDurability.class);

    /** How a topic's partitions are checked. */
    public enum Partitioning {
        /** One of the ledger's keyed topics: the expected count, the same for all. */
        LEDGER,
        /** Exactly one partition. */
        SINGLE
    }

    /** A topic a role uses, and how its partitions are checked. */
    public record TopicUse(String name, Partitioning partitioning) {
        public TopicUse {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(partitioning, "partitioning");
        }
    }

    /** What a node (and {@code ledger run}) uses: the five ledger topics and the API keys. */
    public static final List<TopicUse> NODE_TOPICS = List.of(
            new TopicUse(Topics.EVENTS, Partitioning.LEDGER),
            new TopicUse(Topics.OUTCOMES, Partitioning.LEDGER),
            new TopicUse(Topics.JOURNAL, Partitioning.LEDGER),
            new TopicUse(Topics.SETTLEMENTS, Partitioning.LEDGER),
            new TopicUse(Topics.EVENTS_DLQ, Partitioning.LEDGER),
            new TopicUse(KafkaApiKeys.TOPIC, Partitioning.SINGLE));

    /** What an ingest uses: it appends events, reads outcomes and the API keys. */
    public static final List<TopicUse> INGEST_TOPICS = List.of(
            new TopicUse(Topics.EVENTS, Partitioning.LEDGER),
            new TopicUse(Topics.OUTCOMES, Partitioning.LEDGER),
            new TopicUse(KafkaApiKeys.TOPIC, Partitioning.SINGLE));

    /**
     * What the role expects.
     *
     * @param partitions  the ledger topics' partition count; 0: whatever the first existing ledger topic of the
     *                    list has (an ingest, which is not told the count), so that they all agree
     * @param replication the replication factor the role was told to expect; below {@link #SAFE_REPLICATION}, a
     *                    topic with at least as many replicas is not warned about
     */
    public record Expectation(int partitions, int replication) {
        public Expectation {
            if (partitions < 0) {
                throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
            }
            if (replication < 1) {
                throw new IllegalArgumentException("replication must be >= 1, got " + replication);
            }
        }
    }

    /** One topic as the cluster has it. */
    public record TopicFacts(
            String name, int partitions, int replication, int minInsyncReplicas, boolean uncleanLeaderElection) {}

    /** What the check found: reasons to refuse, and warnings. */
    public record Findings(List<String> refusals, List<String> warnings) {
        public Findings {
            refusals = List.copyOf(refusals);
            warnings = List.copyOf(warnings);
        }
    }

    private TopicDurability() {}

    /** As {@link #enforce(Admin, String, List, Expectation)}, with an admin client of {@code clients}' settings. */
    public static Findings enforce(Map<String, ?> clients, String role, List<TopicUse> uses, Expectation expected) {
        Map<String, Object> config = new HashMap<>();
        clients.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ledger-topic-check");
        try (Admin admin = Admin.create(config)) {
            return enforce(admin, role, uses, expected);
        }
    }

    /**
     * Checks the topics of {@code uses} that exist; logs each warning, and throws a {@link StartupFailure} naming
     * every reason to refuse. {@code role} names the command in the messages ({@code ledger node}).
     */
    public static Findings enforce(Admin admin, String role, List<TopicUse> uses, Expectation expected) {
        Findings findings =
                assess(describe(admin, uses.stream().map(TopicUse::name).toList()), uses, expected);
        findings.warnings().forEach(warning -> LOG.warn("{}: {}", role, warning));
        if (!findings.refusals().isEmpty()) {
            throw new StartupFailure(
                    role + " refuses to start on these topics: " + String.join("; ", findings.refusals()));
        }
        return findings;
    }

    /** The judgement alone, over {@code facts} of the topics that exist (keyed by name). */
    public static Findings assess(Map<String, TopicFacts> facts, List<TopicUse> uses, Expectation expected) {
        List<String> refusals = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int ledgerPartitions = expected.partitions();
        String countFrom = "expected";
        for (TopicUse use : uses) {
            TopicFacts topic = facts.get(use.name());
            if (topic == null) {
                continue;
            }
            if (use.partitioning() == Partitioning.LEDGER && ledgerPartitions == 0) {
                ledgerPartitions = topic.partitions();
                countFrom = "as " + topic.name() + " has";
            }
            int wanted = use.partitioning() == Partitioning.SINGLE ? 1 : ledgerPartitions;
            if (topic.partitions() != wanted) {
                refusals.add(topic.name() + " has " + topic.partitions() + " partitions, " + wanted + " "
                        + (use.partitioning() == Partitioning.SINGLE
                                ? "expected (only partition 0 is read)"
                                : countFrom
                                        + " (the ledger topics share one count: a key's events would move to another"
                                        + " partition)"));
            }
            if (topic.uncleanLeaderElection()) {
                refusals.add(topic.name() + " has " + TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG + "=true: a "
                        + "replica out of sync could become leader and acknowledged records be lost (set it to false)");
            }
            if (topic.minInsyncReplicas() > topic.replication()) {
                refusals.add(topic.name() + " has " + TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG + "="
                        + topic.minInsyncReplicas() + " above its replication factor " + topic.replication()
                        + ": no write with acks=all could be acknowledged");
            }
            if (topic.replication() < SAFE_REPLICATION && topic.replication() < expected.replication()) {
                warnings.add(topic.name() + " has replication factor " + topic.replication() + ": the loss of one "
                        + "broker's disk can lose acknowledged records; " + SAFE_REPLICATION + " or more is safe (give "
                        + "--replication " + topic.replication() + " to accept it, as on a one-broker cluster)");
            }
            if (topic.replication() >= SAFE_REPLICATION && topic.minInsyncReplicas() < 2) {
                warnings.add(topic.name() + " has " + TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG + "="
                        + topic.minInsyncReplicas() + " with " + topic.replication() + " replicas: acks=all is met by "
                        + "the leader alone, whose loss then loses acknowledged records; 2 is safe");
            }
        }
        return new Findings(refusals, warnings);
    }

    /** The facts of those of {@code names} that exist. */
    public static Map<String, TopicFacts> describe(Admin admin, Collection<String> names) {
        try {
            Set<String> present = admin.listTopics().names().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            List<String> existing =
                    names.stream().filter(present::contains).distinct().toList();
            if (existing.isEmpty()) {
                return Map.of();
            }
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(existing).allTopicNames().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            List<ConfigResource> resources = existing.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .toList();
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(resources).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<String, TopicFacts> facts = new LinkedHashMap<>();
            for (String name : existing) {
                TopicDescription description = descriptions.get(name);
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
                int replication = description.partitions().stream()
                        .mapToInt(p -> p.replicas().size())
                        .min()
                        .orElse(0);
                facts.put(
                        name,
                        new TopicFacts(
                                name,
                                description.partitions().size(),
                                replication,
                                intValue(config, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, 1),
                                Boolean.parseBoolean(
                                        value(config, TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false"))));
            }
            return facts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("interrupted while checking the topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StartupFailure(
                    "could not check the ledger's topics (describe topics and their configs): "
                            + (e.getCause() != null ? e.getCause() : e),
                    e);
        }
    }

    private static String value(Config config, String key, String fallback) {
        ConfigEntry entry = config == null ? null : config.get(key);
        return entry == null || entry.value() == null ? fallback : entry.value().trim();
    }

    private static int intValue(Config config, String key, int fallback) {
        try {
            return Integer.parseInt(value(config, key, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
