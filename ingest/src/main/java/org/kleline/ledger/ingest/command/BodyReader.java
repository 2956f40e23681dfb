package org.kleline.ledger.ingest.command;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.InvalidRequestException;
import org.kleline.ledger.web.problem.JsonProblems;
import org.kleline.ledger.web.problem.Problem;
import org.kleline.ledger.web.problem.ProblemException;

/**
 * Reads a write's JSON into the payload body of its event kind, strictly: unknown fields, fields that
 * the path already gives, and values of the wrong JSON type are a 400 naming the field.
 */
public final class BodyReader {

    /** One reader per kind, made once: binding through it skips the mapper's lookup of the body class's reader. */
    private static final Map<EventKind, ObjectReader> READERS = readers();

    private BodyReader() {}

    private static Map<EventKind, ObjectReader> readers() {
        Map<EventKind, ObjectReader> readers = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            readers.put(kind, LedgerJson.mapper().readerFor(kind.bodyClass()));
        }
        return readers;
    }

    /** Parses one JSON object (a whole body, or one NDJSON line). */
    public static ObjectNode object(byte[] json) {
        JsonNode tree;
        try (JsonParser parser = LedgerJson.mapper().createParser(json)) {
            try {
                tree = LedgerJson.mapper().readTree(parser);
            } catch (JsonProcessingException e) {
                // A limit of the reader (a number of 2,000 digits) names no parser: the one reading knows the field.
                Problem problem = JsonProblems.from(e);
                throw new ProblemException(
                        problem.field() != null ? problem : problem.withField(JsonProblems.fieldPath(parser)));
            }
        } catch (JsonProcessingException e) {
            throw new ProblemException(JsonProblems.from(e));
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory body failed", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidRequestException(null, "the body must be a JSON object");
        }
        return (ObjectNode) tree;
    }

    /**
     * Binds {@code fields} to the kind's body record, after putting in the values the path gives
     * ({@code walletId} of {@code /v1/wallets/{walletId}/top-ups}); the body may not give those itself.
     */
    public static PayloadBody payload(EventKind kind, ObjectNode fields, Map<String, String> fromPath) {
        // Copied only to add the path's values: the caller's tree stays as it was given.
        ObjectNode all = fromPath.isEmpty() ? fields : fields.deepCopy();
        fromPath.forEach((name, value) -> {
            if (all.has(name)) {
                throw new InvalidRequestException(name, "unknown field '" + name + "' (the path gives it)");
            }
            all.put(name, value);
        });
        try {
            return LedgerJson.mapper().treeToValue(all, kind.bodyClass());
        } catch (JsonProcessingException e) {
            Problem problem = JsonProblems.from(e);
            throw new ProblemException(problem);
        }
    }

    /**
     * Binds the one JSON object {@code fields} reads (tokens already buffered, such as an NDJSON line's
     * payload fields) to the kind's body record, with the same strictness as {@link #payload(EventKind,
     * ObjectNode, Map)}.
     */
    public static PayloadBody payload(EventKind kind, JsonParser fields) {
        try {
            return READERS.get(kind).readValue(fields);
        } catch (JsonProcessingException e) {
            throw new ProblemException(JsonProblems.from(e));
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory body failed", e);
        }
    }
}
