package org.kleline.ledger.cli.node;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.kleline.ledger.projector.errors.ProjectorMetrics;

/**
 * The projector's own counters ({@link ProjectorMetrics}, kept for JMX too) on the node's Prometheus registry:
 * read at each scrape, so the two never disagree. Names as Prometheus shows them (docs/operations.md):
 * {@code ledger_projector_poison_records_total}, {@code ledger_projector_merchant_wait_timeouts_total},
 * {@code ledger_projector_merchant_directory_retries_total}, {@code ledger_projector_schema_registry_retries_total},
 * {@code ledger_projector_settlement_out_of_range_total}, {@code ledger_projector_merchant_wait_max_seconds},
 * {@code ledger_projector_outcome_latency_seconds} (count and sum) and {@code ledger_projector_outcome_latency_max_seconds}.
 */
final class ProjectorMeters implements MeterBinder {

    private static final double MS_PER_SECOND = 1000.0;

    private final ProjectorMetrics projector;

    ProjectorMeters(ProjectorMetrics projector) {
        this.projector = projector;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(
                registry,
                "ledger.projector.poison.records",
                ProjectorMetrics::poisonRecords,
                "Records of ledger.events that could not be read, sent to ledger.events.dlq");
        counter(
                registry,
                "ledger.projector.merchant.wait.timeouts",
                ProjectorMetrics::merchantWaitTimeouts,
                "Merchant look-ups that timed out waiting for the merchant directory (the event is decided again)");
        counter(
                registry,
                "ledger.projector.merchant.directory.retries",
                ProjectorMetrics::merchantDirectoryRetries,
                "Stream threads replaced because the merchant directory was behind (the event is decided again)");
        counter(
                registry,
                "ledger.projector.schema.registry.retries",
                ProjectorMetrics::schemaRegistryRetries,
                "Stream threads replaced because the schema registry could not answer for now");
        counter(
                registry,
                "ledger.projector.settlement.out.of.range",
                ProjectorMetrics::settlementEffectsOutOfRange,
                "Settlement effects applied to a row that is then beyond 64-bit minor units");
        seconds(
                registry,
                "ledger.projector.merchant.wait.max",
                ProjectorMetrics::merchantWaitMaxMs,
                "Longest wait for the merchant directory in the sample window");
        FunctionTimer.builder(
                        "ledger.projector.outcome.latency",
                        projector,
                        ProjectorMetrics::outcomesDecided,
                        ProjectorMetrics::outcomeLatencyTotalMs,
                        TimeUnit.MILLISECONDS)
                .description("From an event's append to ledger.events to its outcome being decided")
                .register(registry);
        seconds(
                registry,
                "ledger.projector.outcome.latency.max",
                ProjectorMetrics::outcomeLatencyMaxMs,
                "Longest wait from an event's append to its decision in the sample window");
    }

    private void counter(
            MeterRegistry registry, String name, ToDoubleFunction<ProjectorMetrics> count, String description) {
        FunctionCounter.builder(name, projector, count).description(description).register(registry);
    }

    private void seconds(
            MeterRegistry registry, String name, ToDoubleFunction<ProjectorMetrics> millis, String description) {
        Gauge.builder(name, projector, p -> millis.applyAsDouble(p) / MS_PER_SECOND)
                .description(description)
                .baseUnit("seconds")
                .register(registry);
    }
}
