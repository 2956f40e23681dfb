package org.kleline.ledger.embedded.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.kleline.ledger.embedded.ports.LoopbackPorts;

/**
 * The configuration of the single combined broker and controller. Every replication factor
 * and the transaction log's minimum ISR are 1, so exactly-once works on one node; the session
 * timeouts are short, so a restart after a crash is ready in seconds.
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
        for (String key : overrides.keySet()) {
            if (FIXED_KEYS.contains(key)) {
                throw new IllegalArgumentException("Broker property '" + key + "' is fixed by the embedded broker"
                        + " (it sets the node's identity, listeners and directories) and cannot be overridden");
            }
        }
        String host = LoopbackPorts.HOST;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        // A static voter set: the controller's address is part of the quorum's identity, which
        // is why its port is chosen once and remembered rather than bound to 0.
        properties.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
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
        defaults.put("offsets.topic.replication.factor", "1");
        defaults.put("transaction.state.log.replication.factor", "1");
        defaults.put("transaction.state.log.min.isr", "1");
        defaults.put("share.coordinator.state.topic.replication.factor", "1");
        defaults.put("share.coordinator.state.topic.min.isr", "1");
        defaults.put("default.replication.factor", "1");
        defaults.put("min.insync.replicas", "1");
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
