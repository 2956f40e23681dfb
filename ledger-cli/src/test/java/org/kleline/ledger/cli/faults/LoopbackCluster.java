package org.kleline.ledger.cli.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.kleline.ledger.embedded.kafka.EmbeddedKafkaMain;
import org.kleline.ledger.embedded.kafka.QuorumSeat;
import org.kleline.ledger.embedded.ports.LoopbackPorts;
import org.kleline.ledger.embedded.registry.SchemaRegistryConfig;
import org.kleline.ledger.embedded.registry.SchemaRegistryServer;
import org.kleline.ledger.model.topics.Topics;

/**
 * A ledger cluster of separate processes on the loopback interface, without Docker: three Kafka nodes
 * ({@code ledger broker}, broker and controller each, one KRaft quorum, replication 3 and
 * {@code min.insync.replicas} 2), the embedded schema registry (in this JVM, its schemas on the cluster
 * with replication 3), two {@code ledger node} and one {@code ledger ingest}. Every port is chosen once
 * (bind to 0, then released) and given again at every restart, as a voter's and a node's address must
 * stay the same. Any process can be killed with SIGKILL and started again on its own directory.
 */
final class LoopbackCluster implements AutoCloseable {

    static final int BROKERS = 3;
    static final int NODES = 2;
    static final int PARTITIONS = 6;
    static final String CLUSTER_SECRET = "loopback-cluster-secret-for-faults";
    static final String INGEST_ID = "ingest-1";
    /**
     * The nodes' consumer session: a node killed keeps its partitions until it expires, so it is most of the
     * time reads of those partitions wait (10 s here, against Kafka's 45 s default; docs/operations.md).
     */
    static final String NODE_SESSION_TIMEOUT_MS = "10000";

    static final Duration BROKER_READY = Duration.ofMinutes(3);
    static final Duration ROLE_READY = Duration.ofMinutes(5);

    private final Path dir;
    private final Path logs;
    private final String clusterId = Uuid.randomUuid().toString();
    private final Map<Integer, int[]> brokerPorts = new LinkedHashMap<>();
    private final String voters;
    private final Map<Integer, LedgerJarProcess> brokers = new LinkedHashMap<>();
    private final int[] nodePorts;
    private final LedgerJarProcess[] nodes = new LedgerJarProcess[NODES];
    private final int ingestPort;
    private LedgerJarProcess ingest;
    private SchemaRegistryServer registry;
    private String adminKey;

    private LoopbackCluster(Path dir, Path logs) {
        this.dir = dir;
        this.logs = logs;
        int[] ports = LoopbackPorts.chooseFree(BROKERS * 2 + NODES + 1);
        Map<Integer, Integer> controllerPorts = new LinkedHashMap<>();
        for (int id = 1; id <= BROKERS; id++) {
            brokerPorts.put(id, new int[] {ports[2 * (id - 1)], ports[2 * (id - 1) + 1]});
            controllerPorts.put(id, ports[2 * (id - 1) + 1]);
        }
        this.voters = QuorumSeat.voters(controllerPorts);
        this.nodePorts = new int[] {ports[BROKERS * 2], ports[BROKERS * 2 + 1]};
        this.ingestPort = ports[BROKERS * 2 + NODES];
    }

    /**
     * Starts every process, brokers first, and returns once ingest is ready.
     *
     * @param dir  every process's data (thrown away after)
     * @param logs each process's output, a file per role (kept, to read after a failure)
     */
    static LoopbackCluster start(Path dir, Path logs) throws InterruptedException {
        LoopbackCluster cluster = new LoopbackCluster(dir, logs);
        try {
            for (int id = 1; id <= BROKERS; id++) {
                cluster.launchBroker(id);
            }
            for (int id = 1; id <= BROKERS; id++) {
                cluster.awaitBroker(id);
            }
            cluster.registry = SchemaRegistryServer.start(SchemaRegistryConfig.defaults(cluster.bootstrapServers())
                    .withTopic(SchemaRegistryConfig.DEFAULT_TOPIC, (short) 3));
            cluster.startNode(0);
            cluster.adminKey = Files.readString(cluster.adminKeyFile()).strip();
            cluster.startNode(1);
            cluster.startIngest();
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        }
    }

    String bootstrapServers() {
        StringBuilder s = new StringBuilder();
        brokerPorts
                .values()
                .forEach(p -> s.append(s.isEmpty() ? "" : ",")
                        .append(LoopbackPorts.HOST)
                        .append(':')
                        .append(p[0]));
        return s.toString();
    }

    String schemaRegistryUrl() {
        return registry.url();
    }

    String adminKey() {
        return adminKey;
    }

    URI ingestUrl() {
        return URI.create("http://127.0.0.1:" + ingestPort);
    }

    URI nodeUrl(int node) {
        return URI.create("http://127.0.0.1:" + nodePorts[node]);
    }

    /** The node ids of the brokers leading the partitions of {@code topic}, by partition. */
    Map<Integer, Integer> leaders(String topic) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(p)) {
            TopicDescription d = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(60, TimeUnit.SECONDS)
                    .get(topic);
            Map<Integer, Integer> leaders = new LinkedHashMap<>();
            d.partitions().forEach(info -> {
                Node leader = info.leader();
                leaders.put(info.partition(), leader == null ? -1 : leader.id());
            });
            return leaders;
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /** The partitions of ledger.events whose every replica is in sync again (3 of 3). */
    boolean eventsFullyReplicated() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            return admin
                    .describeTopics(List.of(Topics.EVENTS))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(Topics.EVENTS)
                    .partitions()
                    .stream()
                    .allMatch(info -> info.isr().size() == BROKERS);
        } catch (Exception e) {
            return false;
        }
    }

    void killBroker(int id) throws InterruptedException {
        brokers.remove(id).kill();
    }

    void startBroker(int id) throws InterruptedException {
        launchBroker(id);
        awaitBroker(id);
    }

    void killNode(int node) throws InterruptedException {
        nodes[node].kill();
        nodes[node] = null;
    }

    void startNode(int node) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of(
                "node",
                "--bootstrap-servers",
                bootstrapServers(),
                "--schema-registry-url",
                registry.url(),
                "--port",
                Integer.toString(nodePorts[node]),
                "--advertised-host",
                LoopbackPorts.HOST,
                "--bind",
                LoopbackPorts.HOST,
                "--partitions",
                Integer.toString(PARTITIONS),
                "--replication",
                "3",
                "--state-dir",
                dir.resolve("node-" + (node + 1)).toString(),
                "--cluster-secret",
                CLUSTER_SECRET,
                "-X",
                "session.timeout.ms=" + NODE_SESSION_TIMEOUT_MS));
        if (node == 0) {
            args.addAll(List.of("--admin-key-file", adminKeyFile().toString()));
        }
        nodes[node] =
                LedgerJarProcess.start("node-" + (node + 1), "384m", logs.resolve("node-" + (node + 1) + ".log"), args);
        nodes[node].awaitLine("Kleline Ledger node is running", ROLE_READY);
    }

    void killIngest() throws InterruptedException {
        ingest.kill();
        ingest = null;
    }

    void startIngest() throws InterruptedException {
        ingest = LedgerJarProcess.start(
                INGEST_ID,
                "256m",
                logs.resolve(INGEST_ID + ".log"),
                List.of(
                        "ingest",
                        "--bootstrap-servers",
                        bootstrapServers(),
                        "--schema-registry-url",
                        registry.url(),
                        "--port",
                        Integer.toString(ingestPort),
                        "--bind",
                        LoopbackPorts.HOST,
                        "--instance-id",
                        INGEST_ID,
                        "--query-url",
                        nodeUrl(0).toString(),
                        "--cluster-secret",
                        CLUSTER_SECRET));
        ingest.awaitLine("Kleline Ledger ingest is running", ROLE_READY);
    }

    /** {@code ledger verify} against the cluster, reads through node 1; its exit code (0: no difference). */
    int verify() throws InterruptedException {
        LedgerJarProcess verify = LedgerJarProcess.start(
                "verify",
                "512m",
                logs.resolve("verify.log"),
                List.of(
                        "verify",
                        "--bootstrap-servers",
                        bootstrapServers(),
                        "--schema-registry-url",
                        registry.url(),
                        "--api-url",
                        nodeUrl(0).toString(),
                        "--api-key",
                        adminKey));
        return verify.awaitExit(Duration.ofMinutes(10));
    }

    private Path adminKeyFile() {
        return dir.resolve("admin.key");
    }

    private void launchBroker(int id) {
        int[] ports = brokerPorts.get(id);
        brokers.put(
                id,
                LedgerJarProcess.start(
                        "broker-" + id,
                        "256m",
                        logs.resolve("broker-" + id + ".log"),
                        List.of(
                                "broker",
                                "--node-id",
                                Integer.toString(id),
                                "--data-dir",
                                dir.resolve("broker-" + id).toString(),
                                "--port",
                                Integer.toString(ports[0]),
                                "--controller-port",
                                Integer.toString(ports[1]),
                                "--voters",
                                voters,
                                "--cluster-id",
                                clusterId)));
    }

    private void awaitBroker(int id) throws InterruptedException {
        brokers.get(id).awaitLine(EmbeddedKafkaMain.READY_PREFIX, BROKER_READY);
    }

    /**
     * Stops the roles (SIGTERM, so they leave their groups and commit), then the registry, then the brokers with
     * SIGKILL: the directories are thrown away, and a quorum stopping one node at a time waits on itself.
     */
    @Override
    public void close() throws InterruptedException {
        if (ingest != null) {
            ingest.stop();
        }
        for (int node = 0; node < NODES; node++) {
            if (nodes[node] != null) {
                nodes[node].stop();
            }
        }
        if (registry != null) {
            registry.close();
        }
        for (LedgerJarProcess broker : brokers.values()) {
            broker.kill();
        }
    }
}
