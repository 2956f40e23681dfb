package org.kleline.ledger.query.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;

/** Forwarded reads: how many, how long, how many failed, per owner. */
public final class ForwardMetrics {

    static final String FORWARDS = "ledger.query.forwards";

    private final MeterRegistry registry;

    public ForwardMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void forwarded(HostInfo owner, long elapsedNs, boolean answered) {
        Timer.builder(FORWARDS)
                .description("Reads forwarded to the query node that owns the partitions")
                .tag("owner", RemoteReads.address(owner))
                .tag("result", answered ? "answered" : "failed")
                .register(registry)
                .record(elapsedNs, TimeUnit.NANOSECONDS);
    }
}
