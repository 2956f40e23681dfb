package org.kleline.ledger.projector.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.projector.serde.InternalAvroSerde;
import org.junit.jupiter.api.Test;

class EnvelopeTimeTest {

    @Test
    void occurredAtIsReadFromTheWireFormatWithoutTheRegistry() {
        for (long at : new long[] {0L, 1_700_000_000_123L, -86_400_000L, Long.MAX_VALUE}) {
            EventEnvelope event = new EventEnvelope("evt-" + at, Instant.ofEpochMilli(at), new WalletOpened("w1", "EUR", 15_000L));
            assertThat(EnvelopeTime.occurredAt(wire(event))).isEqualTo(OptionalLong.of(at));
        }
    }

    @Test
    void somethingElseGivesNoTime() {
        assertThat(EnvelopeTime.occurredAt(null)).isEmpty();
        assertThat(EnvelopeTime.occurredAt(new byte[] {1, 2, 3, 4, 5, 6, 7})).isEmpty();
        assertThat(EnvelopeTime.occurredAt(new byte[] {0, 0, 0, 0, 1, 100})).isEmpty();
    }

    static byte[] wire(EventEnvelope event) {
        byte[] body = InternalAvroSerde.of(EventEnvelope.class).toBytes(event);
        byte[] wire = new byte[body.length + 4];
        wire[0] = 0;
        wire[4] = 42;
        System.arraycopy(body, 1, wire, 5, body.length - 1);
        return wire;
    }
}
