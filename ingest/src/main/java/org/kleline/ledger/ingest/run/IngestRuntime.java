package org.kleline.ledger.ingest.run;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kleline.ledger.ingest.append.KafkaEventAppender;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.http.IngestRoutes;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.ingest.outcome.OutcomeWaiter;
import org.kleline.ledger.ingest.outcome.PendingOutcomes;
import org.kleline.ledger.ingest.settle.SettlementRows;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.web.server.HttpRoutes;

/**
 * Ingest's Kafka side wired together, with the project's life cycle: {@link #start} connects the
 * outcome reader (positioned at the end of {@code ledger.outcomes}) and the producers; {@link #routes()}
 * goes to a {@code LedgerHttpServer}; {@link #close()} stops both. The HTTP server is started after
 * this, so no request is taken before outcomes are being read.
 */
public final class IngestRuntime implements AutoCloseable {

    public static final int BULK_PRODUCERS = 2;

    private final KafkaEventAppender appender;
    private final OutcomeWaiter waiter;
    private final IngestRoutes routes;

    private IngestRuntime(KafkaEventAppender appender, OutcomeWaiter waiter, IngestRoutes routes) {
        this.appender = appender;
        this.waiter = waiter;
        this.routes = routes;
    }

    /**
     * @param kafka  client settings shared by the producers and the outcome consumer:
     *               {@code bootstrap.servers}, {@code schema.registry.url}, and any overrides
     * @param topics the topic registry built on the same settings
     */
    public static IngestRuntime start(Map<String, Object> kafka, Topics topics, IngestConfig config,
                                      OutcomeLookup lookup, Optional<SettlementRows> rows, Clock clock) {
        // Unique per process: two live ingests must never share a transactional.id, or one fences the other.
        String transactionalIdPrefix = "ledger-ingest-" + UUID.randomUUID();
        KafkaEventAppender appender = KafkaEventAppender.create(topics.events().name(), kafka,
                topics.events().valueSerde().serializer(), transactionalIdPrefix, BULK_PRODUCERS);
        PendingOutcomes pending = new PendingOutcomes(config.pendingWaitsMax());
        OutcomeWaiter waiter = OutcomeWaiter.create(topics.outcomes().name(), kafka,
                topics.outcomes().valueSerde().deserializer(), pending, Duration.ofSeconds(30));
        try {
            waiter.start();
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

    @Override
    public void close() {
        waiter.close();
        appender.close();
    }
}
