package org.kleline.ledger.ingest.run;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.kleline.ledger.ingest.append.KafkaEventAppender;
import org.kleline.ledger.ingest.append.ProducerWatch;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.http.IngestRoutes;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.ingest.outcome.OutcomeWaiter;
import org.kleline.ledger.ingest.outcome.PendingOutcomes;
import org.kleline.ledger.ingest.settle.SettlementRows;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.web.health.Readiness;
import org.kleline.ledger.web.server.HttpRoutes;

/**
 * Ingest's Kafka side wired together, with the project's life cycle: {@link #start} connects the
 * outcome reader (positioned at the end of {@code ledger.outcomes}) and the producers; {@link #routes()}
 * goes to a {@code LedgerHttpServer}; {@link #close()} stops both. The HTTP server is started after
 * this, so no request is taken before outcomes are being read.
 */
public final class IngestRuntime implements AutoCloseable {

    public static final int BULK_PRODUCERS = 2;
    /** {@link #readiness()} when the producer cannot append: closed, or no metadata of the topic. */
    public static final String PRODUCER_UNAVAILABLE = "PRODUCER_UNAVAILABLE";
    /** {@link #readiness()} once closed. */
    public static final String DOWN = "DOWN";

    private final KafkaEventAppender appender;
    private final OutcomeWaiter waiter;
    private final IngestRoutes routes;
    private volatile boolean closed;

    private IngestRuntime(KafkaEventAppender appender, OutcomeWaiter waiter, IngestRoutes routes) {
        this.appender = appender;
        this.waiter = waiter;
        this.routes = routes;
    }

    /**
     * Starts ingest as {@code instance}: its id names the bulk producers' {@code transactional.id}s (stable across
     * its restarts, so a restart fences the transaction a crash left open), and its producers' meters are
     * bound to its registry ({@link IngestInstance#unique()} for an ingest that is never restarted as the same
     * one). Returns once the producer knows the partitions of {@code ledger.events} and the bulk producers have
     * initialized their transactions (which is when a crash's open one is fenced).
     *
     * @param kafka  client settings shared by the producers and the outcome consumer:
     *               {@code bootstrap.servers}, {@code schema.registry.url}, and any overrides
     * @param topics the topic registry built on the same settings
     */
    public static IngestRuntime start(
            Map<String, Object> kafka,
            Topics topics,
            IngestConfig config,
            OutcomeLookup lookup,
            Optional<SettlementRows> rows,
            Clock clock,
            IngestInstance instance) {
        ProducerWatch meters = producer -> {
            KafkaClientMetrics bound = new KafkaClientMetrics(producer);
            bound.bindTo(instance.metrics());
            return bound;
        };
        KafkaEventAppender appender = KafkaEventAppender.create(
                topics.events().name(),
                kafka,
                topics.events().valueSerde().serializer(),
                instance.transactionalIdPrefix(),
                BULK_PRODUCERS,
                meters);
        PendingOutcomes pending = new PendingOutcomes(config.pendingWaitsMax());
        OutcomeWaiter waiter = OutcomeWaiter.create(
                topics.outcomes().name(),
                kafka,
                topics.outcomes().valueSerde().deserializer(),
                pending,
                Duration.ofSeconds(30));
        try {
            waiter.start();
            if (!appender.ready()) {
                throw new IllegalStateException("the producer could not read the metadata of "
                        + topics.events().name()
                        + ": create the ledger's topics before starting ingest, and check the client settings");
            }
            appender.initTransactions();
        } catch (RuntimeException e) {
            waiter.close();
            appender.close();
            throw e;
        }
        IngestRoutes routes = new IngestRoutes(config, appender, pending, lookup, rows, clock);
        return new IngestRuntime(appender, waiter, routes);
    }

    public HttpRoutes routes() {
        return routes;
    }

    /**
     * {@link Readiness#UP} when it can append ({@code GET /health/ready} of {@code ledger ingest}, with the
     * API keys): its producer knows the partitions of {@code ledger.events}; else {@link #PRODUCER_UNAVAILABLE},
     * or {@link #DOWN} once closed.
     */
    public String readiness() {
        if (closed) {
            return DOWN;
        }
        return appender.ready() ? Readiness.UP : PRODUCER_UNAVAILABLE;
    }

    @Override
    public void close() {
        closed = true;
        waiter.close();
        appender.close();
    }
}
