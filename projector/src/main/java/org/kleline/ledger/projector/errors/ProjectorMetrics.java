package org.kleline.ledger.projector.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.utils.Time;

/**
 * The projector's own metrics, beside Streams' ones: poison records sent to the dead-letter topic,
 * merchant look-ups that timed out waiting for the merchant directory (each fails, none is decided),
 * stream threads replaced because the directory was behind or because the schema registry could
 * not answer for now, settlement effects applied to a row out of range, and how long events waited from their
 * append to their decision. Reported over JMX under {@code kleline.ledger.projector}, and read by the query
 * node's {@code ProjectorMeters} (ledger-cli) for {@code /metrics}.
 */
public final class ProjectorMetrics implements AutoCloseable {

    public static final String GROUP = "ledger-projector";
    public static final String POISON_RECORDS = "poison-records-total";
    public static final String MERCHANT_WAIT_TIMEOUTS = "merchant-wait-timeouts-total";
    public static final String MERCHANT_WAIT_MAX_MS = "merchant-wait-max-ms";
    public static final String MERCHANT_DIRECTORY_RETRIES = "merchant-directory-retries-total";
    public static final String SCHEMA_REGISTRY_RETRIES = "schema-registry-retries-total";
    public static final String SETTLEMENT_OUT_OF_RANGE = "settlement-effects-out-of-range-total";
    public static final String OUTCOMES_DECIDED = "outcomes-decided-total";
    public static final String OUTCOME_LATENCY_TOTAL_MS = "outcome-latency-ms-total";
    public static final String OUTCOME_LATENCY_MAX_MS = "outcome-latency-max-ms";

    private final Metrics metrics;
    private final Sensor poisonRecords;
    private final Sensor merchantWaitTimeouts;
    private final Sensor merchantWaitMs;
    private final Sensor merchantDirectoryRetries;
    private final Sensor schemaRegistryRetries;
    private final Sensor settlementOutOfRange;
    private final Sensor outcomeLatency;

    public ProjectorMetrics(String applicationId) {
        this.metrics = new Metrics(
                new MetricConfig(),
                List.of(new JmxReporter()),
                Time.SYSTEM,
                new KafkaMetricsContext("kleline.ledger.projector", Map.of("application.id", applicationId)));
        this.poisonRecords = counter(
                POISON_RECORDS, "Records of ledger.events that could not be read, sent to the dead-letter topic.");
        this.merchantWaitTimeouts = counter(
                MERCHANT_WAIT_TIMEOUTS,
                "Merchant look-ups that timed out before the directory had read the merchant's partition up to the "
                        + "event's bound; none is decided: each fails and the event is decided again (or set aside when "
                        + "its bound lies past the log's end).");
        this.merchantWaitMs = metrics.sensor(MERCHANT_WAIT_MAX_MS);
        merchantWaitMs.add(
                name(MERCHANT_WAIT_MAX_MS, "Longest wait for the merchant directory in the sample window."), new Max());
        this.merchantDirectoryRetries = counter(
                MERCHANT_DIRECTORY_RETRIES,
                "Stream threads replaced because a merchant look-up found the directory behind; the event is decided again.");
        this.schemaRegistryRetries = counter(
                SCHEMA_REGISTRY_RETRIES,
                "Stream threads replaced because the schema registry could not give a record's schema for now "
                        + "(unreachable, timed out, 5xx, 429); the record is read again.");
        this.settlementOutOfRange = counter(
                SETTLEMENT_OUT_OF_RANGE,
                "Settlement effects applied to a row that is then out of range: a sum at 2^63-1 minor units (or "
                        + "net - paidOut at -2^63); such a row's figures are bounds and no settlement run pays from it.");
        this.outcomeLatency = metrics.sensor(OUTCOMES_DECIDED);
        outcomeLatency.add(
                name(OUTCOMES_DECIDED, "Outcomes decided (first decisions and DUPLICATEs)."), new CumulativeCount());
        outcomeLatency.add(
                name(
                        OUTCOME_LATENCY_TOTAL_MS,
                        "Milliseconds from each decided event's append to ledger.events (its record's timestamp) to its "
                                + "decision, added up."),
                new CumulativeSum());
        outcomeLatency.add(
                name(
                        OUTCOME_LATENCY_MAX_MS,
                        "Longest wait from an event's append to its decision in the sample window."),
                new Max());
    }

    /**
     * One outcome decided {@code latencyMs} after its event was appended. Timing only: it reads the record's
     * timestamp and the wall clock, never a figure of the event, and nothing is decided from it.
     */
    public void outcomeDecided(long latencyMs) {
        outcomeLatency.record(Math.max(0, latencyMs));
    }

    public long outcomesDecided() {
        return count(OUTCOMES_DECIDED);
    }

    public double outcomeLatencyTotalMs() {
        return value(OUTCOME_LATENCY_TOTAL_MS);
    }

    /** The longest append-to-decision wait of the sample window; NaN when none was decided in it. */
    public double outcomeLatencyMaxMs() {
        return value(OUTCOME_LATENCY_MAX_MS);
    }

    /** The longest merchant-directory wait of the sample window; NaN when there was none. */
    public double merchantWaitMaxMs() {
        return value(MERCHANT_WAIT_MAX_MS);
    }

    public void poisonRecord() {
        poisonRecords.record();
    }

    public void merchantWaitTimedOut() {
        merchantWaitTimeouts.record();
    }

    public void merchantWaited(long waitedMs) {
        merchantWaitMs.record(waitedMs);
    }

    public void merchantDirectoryRetried() {
        merchantDirectoryRetries.record();
    }

    public void schemaRegistryRetried() {
        schemaRegistryRetries.record();
    }

    public void settlementEffectOutOfRange() {
        settlementOutOfRange.record();
    }

    public long settlementEffectsOutOfRange() {
        return count(SETTLEMENT_OUT_OF_RANGE);
    }

    public long poisonRecords() {
        return count(POISON_RECORDS);
    }

    public long merchantWaitTimeouts() {
        return count(MERCHANT_WAIT_TIMEOUTS);
    }

    public long merchantDirectoryRetries() {
        return count(MERCHANT_DIRECTORY_RETRIES);
    }

    public long schemaRegistryRetries() {
        return count(SCHEMA_REGISTRY_RETRIES);
    }

    private long count(String metric) {
        return (long) value(metric);
    }

    private double value(String metric) {
        return ((Number) metrics.metric(metrics.metricName(metric, GROUP)).metricValue()).doubleValue();
    }

    /** A sensor counting the times it is recorded, reported as {@code metric}. */
    private Sensor counter(String metric, String description) {
        Sensor sensor = metrics.sensor(metric);
        sensor.add(name(metric, description), new CumulativeCount());
        return sensor;
    }

    private MetricName name(String metric, String description) {
        return metrics.metricName(metric, GROUP, description);
    }

    @Override
    public void close() {
        metrics.close();
    }
}
