package org.kleline.ledger.cli.node;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.KafkaStreams;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.ingest.settle.SettlementRows;
import org.kleline.ledger.projector.Projector;
import org.kleline.ledger.query.QueryApi;
import org.kleline.ledger.query.QueryConfig;
import org.kleline.ledger.web.auth.ClusterSecret;
import org.kleline.ledger.web.server.HttpRoutes;

/**
 * A projector and the query API over its stores: what {@code ledger node} runs, and the middle of
 * {@code ledger run}. Closing stops the query API first, then the projector it reads.
 */
public final class QueryNode implements AutoCloseable {

    private final Projector projector;
    private final QueryApi query;

    private QueryNode(Projector projector, QueryApi query) {
        this.projector = projector;
        this.query = query;
    }

    /**
     * Starts the projector (creating the topics when absent), then the query API on its Streams
     * instance. Returns before the Streams instance is RUNNING; see {@link #streams()}.
     *
     * @param extra projector or Streams keys of the caller's, over the node's own
     */
    public static QueryNode start(Map<String, String> clientSettings, NodeSettings node, Properties extra) {
        return start(clientSettings, node, extra, Optional.empty());
    }

    /** As above; {@code clusterSecret} goes with every read this node forwards to another. */
    public static QueryNode start(
            Map<String, String> clientSettings,
            NodeSettings node,
            Properties extra,
            Optional<ClusterSecret> clusterSecret) {
        return start(clientSettings, node, extra, clusterSecret, Optional.empty());
    }

    /** As above; with {@code forwardTls}, the nodes serve HTTPS and reads are forwarded over it. */
    public static QueryNode start(
            Map<String, String> clientSettings,
            NodeSettings node,
            Properties extra,
            Optional<ClusterSecret> clusterSecret,
            Optional<SSLContext> forwardTls) {
        Properties props = node.projectorProperties(clientSettings);
        props.putAll(extra);
        Projector projector = new Projector(props);
        try {
            projector.start();
            QueryConfig defaults = QueryConfig.defaults(node.self());
            QueryApi query = QueryApi.create(
                    projector,
                    new QueryConfig(node.self(), defaults.forwardTimeout(), node.settlementZone(), clusterSecret)
                            .withForwardTls(forwardTls));
            // The projector's own counters beside the node's other meters on /metrics.
            new ProjectorMeters(projector.metrics()).bindTo(query.meterRegistry());
            return new QueryNode(projector, query);
        } catch (RuntimeException e) {
            try {
                projector.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    public KafkaStreams streams() {
        return projector.streams();
    }

    public HttpRoutes routes() {
        return query.routes();
    }

    /** The node's Prometheus registry ({@code /metrics}), for the process's other meters (ingest's producers). */
    public MeterRegistry meterRegistry() {
        return query.meterRegistry();
    }

    public OutcomeLookup outcomeLookup() {
        return query.outcomeLookup();
    }

    public SettlementRows settlementRows() {
        return query.settlementRows();
    }

    /** Blocks until the projector's Streams instance has stopped (closed, or failed). */
    public void awaitTermination() throws InterruptedException {
        projector.awaitTermination();
    }

    @Override
    public void close() {
        try {
            query.close();
        } finally {
            projector.close();
        }
    }
}
