package org.kleline.ledger.projector.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.OptionalLong;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.WalletOpened;
import org.junit.jupiter.api.Test;

class EnvelopeTimeTest {

    @Test
    void occurredAtIsReadFromTheWireFormatWithoutTheRegistry() throws IOException {
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

    /** The Confluent wire format: magic byte 0, schema id 42, Avro binary. */
    static byte[] wire(EventEnvelope event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, 0, 0, 0, 42});
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<>(EventEnvelope.class).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
