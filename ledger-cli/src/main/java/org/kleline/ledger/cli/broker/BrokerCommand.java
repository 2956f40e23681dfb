package org.kleline.ledger.cli.broker;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kleline.ledger.cli.lifecycle.Services;
import org.kleline.ledger.cli.lifecycle.ShutdownHook;
import org.kleline.ledger.embedded.kafka.EmbeddedKafka;
import org.kleline.ledger.embedded.kafka.EmbeddedKafkaMain;
import org.kleline.ledger.embedded.kafka.QuorumSeat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ledger broker} (hidden): one node of a KRaft quorum of several, broker and controller in one, on
 * the loopback interface, from the embedded module's broker. For a cluster of separate processes on one
 * machine without Docker (the fault campaign of {@code ClusterFaultsIT}); not a way to run Kafka in
 * production, which has its own distribution.
 */
@Command(
        name = "broker",
        hidden = true,
        sortOptions = false,
        description = {
            "Run one node of a KRaft quorum (broker and controller) on 127.0.0.1, for a cluster of processes on "
                    + "one machine: every node is given the same --voters and --cluster-id, and its own --node-id, "
                    + "--port and --controller-port, the same at every restart. Replication 3 (or the number of "
                    + "voters), min.insync.replicas 2, no unclean leader election.",
            ""
        })
public final class BrokerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--node-id", required = true, paramLabel = "ID", description = "This node's id among the voters.")
    int nodeId;

    @Option(
            names = "--data-dir",
            required = true,
            paramLabel = "DIR",
            description = "The node's log directory lives in DIR/kafka; formatted on the first start.")
    Path dataDir;

    @Option(names = "--port", required = true, paramLabel = "PORT", description = "The client listener's port.")
    int port;

    @Option(
            names = "--controller-port",
            required = true,
            paramLabel = "PORT",
            description = "The controller listener's port: this node's in --voters.")
    int controllerPort;

    @Option(
            names = "--voters",
            required = true,
            paramLabel = "ID@127.0.0.1:PORT[,...]",
            description = "Every voter and its controller port (controller.quorum.voters), the same on every node.")
    String voters;

    @Option(
            names = "--cluster-id",
            required = true,
            paramLabel = "ID",
            description = "The cluster id (a Kafka Uuid) every node's directory is formatted with.")
    String clusterId;

    @Override
    public Integer call() throws InterruptedException {
        QuorumSeat seat;
        try {
            seat = new QuorumSeat(nodeId, port, controllerPort, voters, clusterId);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        Services services = new Services();
        EmbeddedKafka kafka = services.add(
                "Kafka broker " + nodeId,
                EmbeddedKafka.builder(dataDir).quorumSeat(seat).start());
        ShutdownHook hook = ShutdownHook.install(services, out);
        out.printf(
                "Kleline Ledger broker %d of %d is running (cluster %s).%n%s%s%n",
                nodeId, seat.size(), kafka.clusterId(), EmbeddedKafkaMain.READY_PREFIX, kafka.bootstrapServers());
        out.flush();
        hook.awaitStopped();
        return 0;
    }
}
