package org.kleline.ledger.embedded.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.kleline.ledger.embedded.ports.LoopbackPorts;

/**
 * The configuration of a combined broker and controller: alone (every replication factor and the
 * transaction log's minimum ISR 1, so exactly-once works on one node), or one of a quorum of several
 * ({@link QuorumSeat}). The session timeouts are short, so a restart after a crash is ready in seconds.
 */
final class BrokerProperties {

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Keys that fix the node's identity and layout; a caller cannot override them. */
    static final Set<String> FIXED_KEYS = Set.of(
            "process.roles",
            "node.id",
            "broker.id",
            "controller.quorum.voters",
            "controller.quorum.bootstrap.servers",
            "listeners",
            "advertised.listeners",
            "controller.listener.names",
            "inter.broker.listener.name",
            "listener.security.protocol.map",
            "log.dirs",
            "log.dir",
            "metadata.log.dir");

    private BrokerProperties() {}

    static Map<String, String> of(
            Path logDirectory,
            int brokerPort,
            int controllerPort,
            long startupTimeoutMs,
            Map<String, String> overrides) {
        String voters = NODE_ID + "@" + LoopbackPorts.HOST + ":" + controllerPort;
        return of(logDirectory, NODE_ID, brokerPort, controllerPort, voters, 1, 1, startupTimeoutMs, overrides);
    }

    /**
     * One node of a quorum of several ({@link QuorumSeat}): the same layout, with the seat's id and voter
     * set, and the cluster's own topics and new topics replicated on three nodes (fewer in a smaller
     * quorum) with {@code min.insync.replicas} 2, and no unclean leader election, so a write
     * acknowledged with {@code acks=all} survives the loss of any one node.
     */
    static Map<String, String> of(
            Path logDirectory, QuorumSeat seat, long startupTimeoutMs, Map<String, String> overrides) {
        Map<String, String> properties = of(
                logDirectory,
                seat.nodeId(),
                seat.brokerPort(),
                seat.controllerPort(),
                seat.voters(),
                seat.replication(),
                seat.minInsyncReplicas(),
                startupTimeoutMs,
                Map.of());
        properties.put("unclean.leader.election.enable", "false");
        properties.putAll(overrides);
        return properties;
    }

    private static Map<String, String> of(
            Path logDirectory,
            int nodeId,
            int brokerPort,
            int controllerPort,
            String voters,
            int replication,
            int minInsyncReplicas,
            long startupTimeoutMs,
            Map<String, String> overrides) {
        for (String key : overrides.keySet()) {
            if (FIXED_KEYS.contains(key)) {
                throw new IllegalArgumentException("Broker property '" + key + "' is fixed by the embedded broker"
                        + " (it sets the node's identity, listeners and directories) and cannot be overridden");
            }
        }
        String host = LoopbackPorts.HOST;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(nodeId));
        // A static voter set: the controller's address is part of the quorum's identity, which
        // is why its port is chosen once and remembered rather than bound to 0.
        properties.put("controller.quorum.voters", voters);
        properties.put(
                "listeners",
                BROKER_LISTENER + "://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":"
                        + controllerPort);
        properties.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("inter.broker.listener.name", BROKER_LISTENER);
        properties.put(
                "listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("log.dirs", logDirectory.toAbsolutePath().toString());

        Map<String, String> defaults = new LinkedHashMap<>();
        String replicas = Integer.toString(replication);
        String minIsr = Integer.toString(minInsyncReplicas);
        defaults.put("offsets.topic.replication.factor", replicas);
        defaults.put("transaction.state.log.replication.factor", replicas);
        defaults.put("transaction.state.log.min.isr", minIsr);
        defaults.put("share.coordinator.state.topic.replication.factor", replicas);
        defaults.put("share.coordinator.state.topic.min.isr", minIsr);
        defaults.put("default.replication.factor", replicas);
        defaults.put("min.insync.replicas", minIsr);
        defaults.put("num.partitions", "1");
        defaults.put("auto.create.topics.enable", "true");
        // One node serves few groups and transactional ids: fewer coordinator partitions make
        // the first consumer group and the first transaction ready sooner.
        defaults.put("offsets.topic.num.partitions", "5");
        defaults.put("transaction.state.log.num.partitions", "5");
        defaults.put("share.coordinator.state.topic.num.partitions", "1");
        defaults.put("group.initial.rebalance.delay.ms", "0");
        // After a SIGKILL the restarted controller gives the dead broker's registration a fresh
        // session; the restarted broker is refused (DuplicateBrokerRegistration) until it expires,
        // so this timeout is most of the extra time a restart after a crash takes. Shorter would
        // risk fencing the live broker during a long GC pause of this shared JVM.
        defaults.put("broker.session.timeout.ms", "2000");
        defaults.put("broker.heartbeat.interval.ms", "200");
        defaults.put("server.max.startup.time.ms", Long.toString(startupTimeoutMs));
        // The default 128 MiB dedupe buffer would take a sixth of a modest heap as soon as the
        // cleaner compacts _schemas or the offsets topic.
        defaults.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        defaults.put("num.network.threads", "2");
        defaults.put("num.io.threads", "4");
        properties.putAll(defaults);
        properties.putAll(overrides);
        return properties;
    }
}
