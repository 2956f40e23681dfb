package org.kleline.ledger.projector.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.projector.topology.TestEvents.T0;
import static org.kleline.ledger.projector.topology.TestEvents.openWallet;
import static org.kleline.ledger.projector.topology.TestEvents.topUp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.projector.errors.DeadLetterHandler;

class PoisonRecordTest extends DriverPerTest {

    @Test
    void anUnreadableRecordIsCountedAndProcessingGoesOn() {
        byte[] key = "wallet:w1".getBytes(StandardCharsets.UTF_8);
        byte[] garbage = {7, 7, 7, 7, 7, 7, 7};
        driver.pipe(openWallet("o1", "w1", "EUR", 15_000, T0));
        driver.pipeRaw(key, garbage);
        driver.pipe(topUp("t1", "w1", 500, T0 + 2));

        // The record itself reaches ledger.events.dlq through Streams' record collector, which the
        // test driver does not capture: DeadLetterHandlerTest checks the record and its headers, and
        // ProjectorIT checks it on a broker.
        assertThat(driver.deadLetters()).isEmpty();
        assertThat(driver.outcomes())
                .extracting(kv -> kv.value.getOutcome())
                .containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED);
        assertThat(driver.balance("wallet:w1", "EUR")).isEqualTo(500);
        assertThat(driver.metrics().poisonRecords()).isEqualTo(1);
    }

    @Test
    void anEventThatBreaksTheLogsRulesIsAPoisonRecordWithoutOutcome() {
        driver.pipe(openWallet("o1", "w1", "EUR", 15_000, T0));
        driver.pipe(topUp("bad", "w1", 0, T0 + 1));
        driver.pipe(topUp("t1", "w1", 500, T0 + 2));

        List<TestRecord<byte[], byte[]>> dead = driver.deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0).headers(), DeadLetterHandler.HEADER_ERROR))
                .contains("amount");
        assertThat(header(dead.get(0).headers(), DeadLetterHandler.HEADER_SOURCE_OFFSET))
                .isEqualTo("1");
        assertThat(driver.outcomesById()).containsOnlyKeys("o1", "t1");
        assertThat(driver.metrics().poisonRecords()).isEqualTo(1);
    }

    @Test
    void anEventUnderAnotherKeyThanItsAggregateIsAPoisonRecord() {
        driver.pipeWithKey("w1", openWallet("o1", "w1", "EUR", 15_000, T0));
        List<TestRecord<byte[], byte[]>> dead = driver.deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0).headers(), DeadLetterHandler.HEADER_ERROR))
                .isEqualTo("record key 'w1' is not the event's aggregate 'wallet:w1'");
        assertThat(driver.outcomes()).isEmpty();
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
