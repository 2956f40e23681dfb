package org.kleline.ledger.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestClassTest {

    @Test
    void writesWaitsBulkAndSettlesAreToldApart() {
        assertThat(RequestClass.of("POST", "/v1/wallets/w-1/top-ups", null, null))
                .hasValue(RequestClass.WRITES);
        assertThat(RequestClass.of("POST", "/v1/wallets/w-1/top-ups", null, "wait=0"))
                .hasValue(RequestClass.WRITES);
        assertThat(RequestClass.of("POST", "/v1/wallets/w-1/top-ups", null, "respond-async, wait=10"))
                .hasValue(RequestClass.WAITS);
        assertThat(RequestClass.of("POST", "/v1/events", null, null)).hasValue(RequestClass.BULK);
        assertThat(RequestClass.of("POST", "/v1/events/", null, "wait=5")).hasValue(RequestClass.BULK);
        assertThat(RequestClass.of("POST", "/v1/settlements/2026-01-02/settle", null, null))
                .hasValue(RequestClass.SETTLES);
        assertThat(RequestClass.of("DELETE", "/v1/api-keys/k-1", null, null)).hasValue(RequestClass.WRITES);
    }

    @Test
    void readsHeavyReadsAndCaughtUpReadsAreToldApart() {
        assertThat(RequestClass.of("GET", "/v1/wallets/w-1", null, null)).hasValue(RequestClass.READS);
        assertThat(RequestClass.of("GET", "/v1/accounts/wallet:w-1/balances", "asOf=2026-01-01", null))
                .hasValue(RequestClass.READS);
        assertThat(RequestClass.of("GET", "/v1/accounts/wallet:w-1/entries", "limit=1000", null))
                .hasValue(RequestClass.HEAVY_READS);
        assertThat(RequestClass.of("GET", "/v1/trial-balance", null, null)).hasValue(RequestClass.HEAVY_READS);
        assertThat(RequestClass.of("POST", "/v1/outcomes/lookup", null, null)).hasValue(RequestClass.HEAVY_READS);
        assertThat(RequestClass.of("GET", "/v1/settlements/2026-01-02", null, null))
                .hasValue(RequestClass.HEAVY_READS);
        assertThat(RequestClass.of("GET", "/v1/settlements/2026-01-02", "caughtUp=true", null))
                .hasValue(RequestClass.WAITS);
        assertThat(RequestClass.of("GET", "/v1/settlements/2026-01-02", "x=1&caughtUp=false", null))
                .hasValue(RequestClass.HEAVY_READS);
        assertThat(RequestClass.of("GET", "/no/such/route", null, null)).hasValue(RequestClass.READS);
    }

    @Test
    void probesMetricsAndForwardedReadsAreNeverRefused() {
        assertThat(RequestClass.of("GET", "/health", null, null)).isEqualTo(Optional.empty());
        assertThat(RequestClass.of("GET", "/health/ready", null, null)).isEmpty();
        assertThat(RequestClass.of("GET", "/metrics", null, null)).isEmpty();
        assertThat(RequestClass.of("POST", "/internal/v1/reads", null, null)).isEmpty();
    }
}
