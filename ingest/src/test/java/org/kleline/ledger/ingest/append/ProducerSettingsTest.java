package org.kleline.ledger.ingest.append;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    @Test
    void durabilityAndOrderingAreForcedWhateverTheBaseSays() {
        Map<String, Object> config = ProducerSettings.idempotent(Map.of(
                "bootstrap.servers",
                "localhost:9092",
                "acks",
                "1",
                "enable.idempotence",
                false,
                "max.in.flight.requests.per.connection",
                20));
        assertThat(config)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("max.in.flight.requests.per.connection", 5)
                .containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void timeoutsAreWrittenOutAndOverridable() {
        assertThat(ProducerSettings.idempotent(Map.of()))
                .containsEntry("max.block.ms", 5_000)
                .containsEntry("request.timeout.ms", 4_000)
                .containsEntry("delivery.timeout.ms", 10_000);
        assertThat(ProducerSettings.idempotent(Map.of("delivery.timeout.ms", 3_000)))
                .containsEntry("delivery.timeout.ms", 3_000);
    }

    @Test
    void transactionalProducerHasItsIdAndTimeout() {
        assertThat(ProducerSettings.transactional(Map.of(), "ledger-ingest-x-0"))
                .containsEntry("transactional.id", "ledger-ingest-x-0")
                .containsEntry("transaction.timeout.ms", 30_000)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true);
    }

    @Test
    void ackTimeoutIsDeliveryPlusBlocking() {
        assertThat(ProducerSettings.deliveryTimeoutMs(ProducerSettings.idempotent(Map.of())))
                .isEqualTo(15_000);
    }
}
