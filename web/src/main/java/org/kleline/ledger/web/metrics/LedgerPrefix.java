package org.kleline.ledger.web.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * The one prefix of every series the ledger exports: {@code ledger.} before each meter's name (Prometheus
 * shows {@code ledger_}), unless the name starts with it already (the ledger's own meters are named with it).
 */
public final class LedgerPrefix implements MeterFilter {

    public static final String PREFIX = "ledger.";

    @Override
    public Meter.Id map(Meter.Id id) {
        return id.getName().startsWith(PREFIX) ? id : id.withName(PREFIX + id.getName());
    }
}
