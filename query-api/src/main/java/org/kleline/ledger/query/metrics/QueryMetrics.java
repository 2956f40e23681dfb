package org.kleline.ledger.query.metrics;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.kleline.ledger.web.metrics.PrometheusMetrics;

/**
 * The node's Prometheus registry: web's {@link PrometheusMetrics} (the JVM) with the Kafka Streams client
 * metrics bound (Micrometer's {@link KafkaStreamsMetrics}: the Streams instance's own consumers, producer
 * and admin client included), plus what the query API adds. Under {@code ledger run}, ingest binds its
 * producers here too.
 */
public final class QueryMetrics implements AutoCloseable {

    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = PrometheusMetrics.CONTENT_TYPE;

    private final PrometheusMetrics metrics = new PrometheusMetrics();
    private final KafkaStreamsMetrics streamsMetrics;

    public QueryMetrics(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
    }

    public PrometheusMeterRegistry registry() {
        return metrics.registry();
    }

    /** The registry with its scrape, for web's {@code MetricsRoutes}. */
    public PrometheusMetrics prometheus() {
        return metrics;
    }

    /** One scrape, in {@link #CONTENT_TYPE}. */
    public String scrape() {
        return metrics.scrape();
    }

    @Override
    public void close() {
        streamsMetrics.close();
        metrics.close();
    }
}
