package org.kleline.ledger.embedded.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kleline.ledger.embedded.ports.LoopbackPorts;

/**
 * One node's place in a KRaft quorum of several combined broker-and-controller nodes on the loopback
 * interface, each in a process of its own: its id, its two ports, every voter's controller port (the
 * static voter set, the same on every node) and the cluster id every node's log directory is formatted
 * with. The ports are chosen by whoever lays the quorum out, once, and given again at every restart: a
 * voter's address is part of the quorum's identity.
 *
 * @param nodeId          this node's {@code node.id}, one of the voters
 * @param brokerPort      its client listener
 * @param controllerPort  its controller listener, the port the voter set gives it
 * @param voters          {@code controller.quorum.voters}: {@code id@127.0.0.1:port,...}
 * @param clusterId       the cluster id, the same for every node (a Kafka {@code Uuid}, base64)
 */
public record QuorumSeat(int nodeId, int brokerPort, int controllerPort, String voters, String clusterId) {

    private static final Pattern VOTER = Pattern.compile("(\\d+)@" + Pattern.quote(LoopbackPorts.HOST) + ":(\\d+)");

    public QuorumSeat {
        if (nodeId < 0) {
            throw new IllegalArgumentException("node id must not be negative, was " + nodeId);
        }
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalArgumentException("cluster id must not be blank");
        }
        Map<Integer, Integer> ports = controllerPorts(voters);
        Integer own = ports.get(nodeId);
        if (own == null || own != controllerPort) {
            throw new IllegalArgumentException("the voters '" + voters + "' must name node " + nodeId + " at "
                    + LoopbackPorts.HOST + ":" + controllerPort);
        }
        if (brokerPort == controllerPort || ports.containsValue(brokerPort)) {
            throw new IllegalArgumentException("broker port " + brokerPort + " is a controller port of the voters");
        }
    }

    /** The voter set's node ids and controller ports, in the order given. */
    public static Map<Integer, Integer> controllerPorts(String voters) {
        if (voters == null || voters.isBlank()) {
            throw new IllegalArgumentException("voters must not be blank");
        }
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (String voter : voters.split(",", -1)) {
            Matcher m = VOTER.matcher(voter.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "a voter is ID@" + LoopbackPorts.HOST + ":PORT, got '" + voter + "' in '" + voters + "'");
            }
            int id = Integer.parseInt(m.group(1));
            int port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("voter " + id + "'s port must be 1..65535, was " + port);
            }
            if (ports.put(id, port) != null) {
                throw new IllegalArgumentException("voter " + id + " is named twice in '" + voters + "'");
            }
        }
        return ports;
    }

    /** The voter set written as {@code controller.quorum.voters} wants it, from node ids and controller ports. */
    public static String voters(Map<Integer, Integer> controllerPorts) {
        StringBuilder s = new StringBuilder();
        controllerPorts.forEach((id, port) -> {
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append(id).append('@').append(LoopbackPorts.HOST).append(':').append(port);
        });
        return s.toString();
    }

    /** How many voters the quorum has: also how many brokers, since every node is both. */
    public int size() {
        return controllerPorts(voters).size();
    }

    /** The replication factor of the cluster's own topics and the default of new ones: 3, or fewer nodes. */
    public int replication() {
        return Math.min(3, size());
    }

    /** {@code min.insync.replicas}: 2 from three replicas on, so an acknowledged write survives losing a node. */
    public int minInsyncReplicas() {
        return replication() >= 3 ? 2 : 1;
    }
}
