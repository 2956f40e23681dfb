package org.kleline.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class QueryConfigTest {

    @Test
    void defaultsForwardFor5SecondsAndDateInParis() {
        QueryConfig config = QueryConfig.defaults(new HostInfo("node-1", 8080));
        assertThat(config.forwardTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.settlementZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void anAdvertisedAddressNeedsAHostAndARealPort() {
        assertThatThrownBy(() -> QueryConfig.defaults(new HostInfo("node-1", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("self.port");
        assertThatThrownBy(() -> QueryConfig.defaults(new HostInfo(" ", 8080)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("self.host");
    }

    @Test
    void aForwardTimeoutIsBounded() {
        HostInfo self = new HostInfo("node-1", 8080);
        assertThatThrownBy(() -> new QueryConfig(self, Duration.ZERO, ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forwardTimeout");
        assertThatThrownBy(() -> new QueryConfig(self, Duration.ofMinutes(5), ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forwardTimeout");
    }
}
