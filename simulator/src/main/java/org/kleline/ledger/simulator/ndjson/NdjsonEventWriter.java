package org.kleline.ledger.simulator.ndjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.event.EventTypes;
import org.kleline.ledger.simulator.generate.Defect;
import org.kleline.ledger.simulator.generate.SimulatedEvent;

/**
 * Writes events as the lines of {@code POST /v1/events} (docs/api.md): one JSON object a line,
 * {@code {"type", "eventId", "occurredAt", ...payload fields}}, with the field names of the
 * single-event write bodies, fee plans as objects, {@code occurredAt} and {@code effectiveFrom}
 * as ISO-8601 instants with milliseconds, {@code businessDate} as {@code YYYY-MM-DD}, an absent
 * {@code partnerId} or {@code effectiveFrom} left out. Each line ends with {@code \n}.
 *
 * <p>Writes what the envelope holds, bad values included; a {@link Defect#UNKNOWN_FIELD} line
 * gets the extra field {@value Defect#UNKNOWN_FIELD_NAME} at its end.
 *
 * <p>One streaming generator, reused for every line. Not thread-safe.
 */
public final class NdjsonEventWriter {

    /** An address of TEST-NET-1 (RFC 5737), what a shop back-end might have added to its requests. */
    static final String UNKNOWN_FIELD_VALUE = "192.0.2.1";

    private final LineBuffer line = new LineBuffer();
    private final JsonGenerator json;
    private final IsoInstantFormat instants = new IsoInstantFormat();

    public NdjsonEventWriter() {
        JsonFactory factory = JsonFactory.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        try {
            this.json = factory.createGenerator(line);
        } catch (IOException e) {
            throw new UncheckedIOException("a generator over memory cannot fail to open", e);
        }
        // Lines are separated by the '\n' written after each, not by the generator's default space.
        json.setRootValueSeparator(null);
    }

    /** Writes {@code event} as one line to {@code out} and returns the bytes written. */
    public int write(SimulatedEvent event, OutputStream out) throws IOException {
        encode(event.envelope(), event.defect());
        line.writeTo(out);
        return line.size();
    }

    /** {@code event} as one line, {@code \n} included. */
    public byte[] line(SimulatedEvent event) {
        encodeUnchecked(event.envelope(), event.defect());
        return line.toByteArray();
    }

    /** A well-formed event as one line, {@code \n} included. */
    public byte[] line(EventEnvelope event) {
        encodeUnchecked(event, Defect.NONE);
        return line.toByteArray();
    }

    private void encodeUnchecked(EventEnvelope event, Defect defect) {
        try {
            encode(event, defect);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    private void encode(EventEnvelope event, Defect defect) throws IOException {
        line.reset();
        Object payload = event.getPayload();
        json.writeStartObject();
        json.writeStringField("type", EventTypes.of(payload).name());
        json.writeStringField("eventId", event.getEventId());
        json.writeFieldName("occurredAt");
        instants.write(json, event.getOccurredAt().toEpochMilli());
        writePayload(payload);
        if (defect == Defect.UNKNOWN_FIELD) {
            json.writeStringField(Defect.UNKNOWN_FIELD_NAME, UNKNOWN_FIELD_VALUE);
        }
        json.writeEndObject();
        json.flush();
        line.write('\n');
    }

    /**
     * The payload's fields in the order of its schema, named as the schema names them (the names of the write
     * bodies); an absent optional field is left out, a nested record (the fee plan) is an object.
     */
    private void writePayload(Object payload) throws IOException {
        writeFields((SpecificRecord) payload);
    }

    private void writeFields(SpecificRecord record) throws IOException {
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (value != null) {
                json.writeFieldName(field.name());
                writeValue(value);
            }
        }
    }

    private void writeValue(Object value) throws IOException {
        if (value instanceof CharSequence text) {
            json.writeString(text.toString());
        } else if (value instanceof Long || value instanceof Integer) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Instant instant) {
            instants.write(json, instant.toEpochMilli());
        } else if (value instanceof LocalDate date) {
            json.writeString(date.toString());
        } else if (value instanceof SpecificRecord nested) {
            json.writeStartObject();
            writeFields(nested);
            json.writeEndObject();
        } else {
            throw new IllegalArgumentException(
                    "no NDJSON form for a " + value.getClass().getName());
        }
    }
}
