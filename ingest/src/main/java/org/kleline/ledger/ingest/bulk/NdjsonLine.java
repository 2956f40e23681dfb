package org.kleline.ledger.ingest.bulk;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.kleline.ledger.ingest.command.BodyReader;
import org.kleline.ledger.ingest.command.EventKind;
import org.kleline.ledger.ingest.command.PayloadBody;
import org.kleline.ledger.web.json.LedgerJson;

/**
 * One NDJSON line read in one pass of a streaming parser over the body's bytes, with no tree and no copy of the
 * line: the envelope fields ({@code type}, {@code eventId}, {@code occurredAt}) are taken as they stream by. When
 * they come before the payload (as ledger's own NDJSON writers put them), the payload is bound to the kind's body
 * record straight from the line; otherwise its fields are buffered as tokens, to be bound once {@code type} is
 * known.
 *
 * <p>It takes only what it reads exactly as the tree would: a line that is not one JSON object with nothing
 * after it, an envelope field that is not a string or an integer, a fraction, an integer beyond a long or -0
 * anywhere in the payload (a tree keeps those as doubles, big integers and 0), and anything Jackson refuses
 * (duplicate keys among them) is {@code null} or an exception, and {@link NdjsonBatch} reads that line as a tree.
 *
 * @param type       the {@code type} field, or null when absent
 * @param eventId    the {@code eventId} field, or null when absent
 * @param occurredAt the {@code occurredAt} field, or null when absent
 * @param fields     every other field, as one JSON object; null when the payload was bound as it was read
 * @param bound      the payload, when the envelope fields came before it and it was bound straight from the line
 */
record NdjsonLine(JsonNode type, JsonNode eventId, JsonNode occurredAt, TokenBuffer fields, PayloadBody bound) {

    /** The payload bound to the body record of {@code kind}, the kind {@code type} names. */
    PayloadBody payload(EventKind kind) {
        return bound != null ? bound : BodyReader.payload(kind, fields.asParser());
    }

    /**
     * The line {@code body[from, to)}, or null when it is not of the shape read here.
     *
     * @param importEnabled whether the line may carry an {@code occurredAt}: if so, and it has not come before the
     *                      payload, the payload is buffered, as the {@code occurredAt} may follow it
     */
    static NdjsonLine read(byte[] body, int from, int to, boolean importEnabled) {
        try (JsonParser line = LedgerJson.mapper().createParser(body, from, to - from)) {
            if (line.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonNode type = null;
            JsonNode eventId = null;
            JsonNode occurredAt = null;
            TokenBuffer fields = new TokenBuffer(line);
            fields.writeStartObject();
            boolean buffered = false;
            for (JsonToken token = line.nextToken(); token == JsonToken.FIELD_NAME; token = line.nextToken()) {
                String name = line.currentName();
                switch (name) {
                    case NdjsonBatch.TYPE, NdjsonBatch.EVENT_ID, NdjsonBatch.OCCURRED_AT -> {
                        // A key given twice never gets here: Jackson refuses it.
                        JsonNode value = scalar(line);
                        if (value == null) {
                            return null;
                        }
                        if (NdjsonBatch.TYPE.equals(name)) {
                            type = value;
                        } else if (NdjsonBatch.EVENT_ID.equals(name)) {
                            eventId = value;
                        } else {
                            occurredAt = value;
                        }
                    }
                    default -> {
                        if (!buffered && type != null && eventId != null && (occurredAt != null || !importEnabled)) {
                            // The envelope came first, as ledger's own writers put it: the rest is the payload,
                            // bound straight from the line. An envelope field after it fails the binding (without
                            // import an occurredAt is refused anyway), and the line is read as a tree.
                            PayloadBody payload = BodyReader.payload(
                                    EventKind.named(type.textValue(), NdjsonBatch.TYPE), new TreeNumbers(line));
                            return new NdjsonLine(type, eventId, occurredAt, null, payload);
                        }
                        buffered = true;
                        fields.writeFieldName(name);
                        if (!copiedValue(line, fields)) {
                            return null;
                        }
                    }
                }
            }
            // The loop ends on the object's end (Jackson throws on anything else); after it, the line must end.
            if (line.nextToken() != null) {
                return null;
            }
            fields.writeEndObject();
            return new NdjsonLine(type, eventId, occurredAt, fields, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next value as the tree's node, if a string or an integer within a long; null otherwise. */
    private static JsonNode scalar(JsonParser line) throws IOException {
        JsonToken token = line.nextToken();
        if (token == JsonToken.VALUE_STRING) {
            return TextNode.valueOf(line.getText());
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return switch (line.getNumberType()) {
                case INT -> IntNode.valueOf(line.getIntValue());
                case LONG -> LongNode.valueOf(line.getLongValue());
                default -> null;
            };
        }
        return null;
    }

    /**
     * Copies the next value (a whole object or array) into {@code to}, the numbers as the tree keeps them (an int
     * or a long); false at the first value the tree would keep otherwise.
     */
    private static boolean copiedValue(JsonParser line, TokenBuffer to) throws IOException {
        int depth = 0;
        do {
            JsonToken token = line.nextToken();
            switch (token) {
                case START_OBJECT -> {
                    to.writeStartObject();
                    depth++;
                }
                case END_OBJECT -> {
                    to.writeEndObject();
                    depth--;
                }
                case START_ARRAY -> {
                    to.writeStartArray();
                    depth++;
                }
                case END_ARRAY -> {
                    to.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> to.writeFieldName(line.currentName());
                case VALUE_STRING -> to.writeString(line.getText());
                case VALUE_TRUE, VALUE_FALSE -> to.writeBoolean(token == JsonToken.VALUE_TRUE);
                case VALUE_NULL -> to.writeNull();
                case VALUE_NUMBER_INT -> {
                    switch (line.getNumberType()) {
                        case INT -> to.writeNumber(line.getIntValue());
                        case LONG -> to.writeNumber(line.getLongValue());
                        default -> {
                            return false;
                        }
                    }
                }
                default -> {
                    return false;
                }
            }
        } while (depth > 0);
        return true;
    }

    /**
     * The line's parser handing on only numbers a tree keeps as they are read (an int or a long, not -0): a fraction,
     * an integer beyond a long or -0 stops the binding, and the line is read as a tree.
     */
    private static final class TreeNumbers extends JsonParserDelegate {

        TreeNumbers(JsonParser line) {
            super(line);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return checked(delegate.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return checked(delegate.nextValue());
        }

        private JsonToken checked(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NUMBER_FLOAT
                    || (token == JsonToken.VALUE_NUMBER_INT
                            && (delegate.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                                    || (delegate.getLongValue() == 0 && delegate.getTextLength() != 1)))) {
                throw new JsonParseException(delegate, "a number the tree would keep otherwise");
            }
            return token;
        }
    }
}
