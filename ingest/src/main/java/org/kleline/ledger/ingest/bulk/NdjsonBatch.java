package org.kleline.ledger.ingest.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.ingest.command.BodyReader;
import org.kleline.ledger.ingest.command.EventKind;
import org.kleline.ledger.ingest.command.EventValidation;
import org.kleline.ledger.ingest.command.MerchantFeePlanChangedBody;
import org.kleline.ledger.ingest.command.PayloadBody;
import org.kleline.ledger.ingest.config.ImportWindow;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.InvalidRequestException;
import org.kleline.ledger.web.problem.ProblemException;

/**
 * An NDJSON body of events, one a line: {@code {"type": "<payload name>", "eventId": ..., "occurredAt"?: ...,
 * ...payload fields}}. Every line is read and validated before anything is appended; the first line
 * at fault is a 400 naming it (1-based, counting blank lines, which are skipped). The times a line
 * carries lie within the {@link ImportWindow}.
 */
public final class NdjsonBatch {

    static final String TYPE = "type";
    static final String EVENT_ID = "eventId";
    static final String OCCURRED_AT = "occurredAt";
    private static final String EFFECTIVE_FROM = "effectiveFrom";

    private NdjsonBatch() {}

    /** {@link #parse(byte[], Instant, boolean, int, ImportWindow)} with the default window. */
    public static List<KeyedEvent> parse(byte[] body, Instant stampedAt, boolean importEnabled, int linesMax) {
        return parse(body, stampedAt, importEnabled, linesMax, ImportWindow.defaults());
    }

    /**
     * @param stampedAt     the occurredAt of lines without their own, and ingest's clock for the window
     * @param importEnabled whether a line may carry its own occurredAt (ISO-8601 instant or epoch millis)
     * @param linesMax      the most events in one body
     * @param window        the times a line may carry: occurredAt and effectiveFrom outside it are a 400
     */
    public static List<KeyedEvent> parse(
            byte[] body, Instant stampedAt, boolean importEnabled, int linesMax, ImportWindow window) {
        List<KeyedEvent> events = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '\n', start);
            lineNumber++;
            int from = start;
            int to = end;
            while (from < to && isSpace(body[from])) {
                from++;
            }
            while (to > from && isSpace(body[to - 1])) {
                to--;
            }
            start = end + 1;
            if (from == to) {
                continue;
            }
            if (events.size() == linesMax) {
                throw new InvalidRequestException(null, "at most " + linesMax + " events in one body")
                        .atLine(lineNumber);
            }
            try {
                events.add(event(body, from, to, stampedAt, importEnabled, window));
            } catch (ProblemException e) {
                throw e.atLine(lineNumber);
            }
        }
        return events;
    }

    /**
     * The event of the line {@code body[from, to)}: read in one pass ({@link NdjsonLine}); a line that pass does
     * not take, or refuses, is read again as a tree, whose answer (the event, or the refusal with its message and
     * field) is the line's. So every refusal is worded by one reader, the one the single-event writes share.
     */
    private static KeyedEvent event(
            byte[] body, int from, int to, Instant stampedAt, boolean importEnabled, ImportWindow window) {
        try {
            NdjsonLine line = NdjsonLine.read(body, from, to, importEnabled);
            if (line != null) {
                return event(
                        line.type(),
                        line.eventId(),
                        line.occurredAt(),
                        line::payload,
                        stampedAt,
                        importEnabled,
                        window);
            }
        } catch (RuntimeException e) {
            // Read again below: the tree's refusal is the one answered.
        }
        ObjectNode fields = BodyReader.object(Arrays.copyOfRange(body, from, to));
        return event(
                fields.remove(TYPE),
                fields.remove(EVENT_ID),
                fields.remove(OCCURRED_AT),
                kind -> BodyReader.payload(kind, fields, Map.of()),
                stampedAt,
                importEnabled,
                window);
    }

    /** A line's event from its envelope fields (a JSON node each, null when absent) and its payload's binding. */
    private static KeyedEvent event(
            JsonNode type,
            JsonNode eventIdNode,
            JsonNode occurredAtNode,
            Function<EventKind, PayloadBody> payloadOf,
            Instant stampedAt,
            boolean importEnabled,
            ImportWindow window) {
        EventKind kind = EventKind.named(text(type, TYPE), TYPE);
        String eventId = EventValidation.eventId(EVENT_ID, text(eventIdNode, EVENT_ID));
        Instant occurredAt = stampedAt;
        if (occurredAtNode != null) {
            if (!importEnabled) {
                throw new InvalidRequestException(
                        OCCURRED_AT,
                        "occurredAt is honoured only by the admin import (a server started with import enabled);"
                                + " leave it out and ingest stamps the event");
            }
            occurredAt = window.require(OCCURRED_AT, instant(occurredAtNode), stampedAt);
        }
        PayloadBody payload = payloadOf.apply(kind);
        if (payload instanceof MerchantFeePlanChangedBody change && change.effectiveFrom() != null) {
            window.require(EFFECTIVE_FROM, change.effectiveFrom(), stampedAt);
        }
        EventEnvelope envelope = EventEnvelope.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MILLIS))
                .setPayload(payload.toAvro())
                .build();
        return EventValidation.validated(envelope);
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidRequestException(field, field + " must be a string, was " + node);
        }
        return node.asText();
    }

    private static Instant instant(JsonNode node) {
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw new InvalidRequestException(
                    OCCURRED_AT, "occurredAt must be an ISO-8601 instant or epoch milliseconds, was " + node);
        }
        if (node.isTextual()) {
            Optional<Instant> canonical = UtcInstantText.parse(node.textValue());
            if (canonical.isPresent()) {
                return canonical.get();
            }
        }
        try {
            return LedgerJson.mapper().treeToValue(node, Instant.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(
                    OCCURRED_AT, "occurredAt must be an ISO-8601 instant or epoch milliseconds, was " + node, e);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
