package org.kleline.ledger.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Turns what Jackson says about a body it could not read into a 400 problem naming the field, as a
 * dotted path ({@code feePlan.cardBps}, {@code postings[2].amount}) wherever Jackson knows it.
 */
public final class JsonProblems {

    private JsonProblems() {}

    public static Problem from(JsonProcessingException e) {
        String field = fieldPath(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.of(
                            ProblemType.VALIDATION,
                            "unknown field '" + pathOrName(field, unknown.getPropertyName()) + "'")
                    .withField(pathOrName(field, unknown.getPropertyName()));
        }
        if (e instanceof InvalidFormatException invalid) {
            return Problem.of(
                            ProblemType.MALFORMED_JSON,
                            describe(field) + " has an invalid value " + quoted(invalid.getValue())
                                    + expected(invalid.getTargetType()))
                    .withField(field);
        }
        if (e instanceof MismatchedInputException mismatched && field != null) {
            return Problem.of(
                            ProblemType.MALFORMED_JSON,
                            describe(field) + " has the wrong JSON type" + expected(mismatched.getTargetType()))
                    .withField(field);
        }
        String detail = field == null || e instanceof JsonParseException
                ? "the body is not valid JSON: " + e.getOriginalMessage()
                : describe(field) + " could not be read: " + e.getOriginalMessage();
        return Problem.of(ProblemType.MALFORMED_JSON, detail).withField(field);
    }

    /** The dotted path of the field Jackson was reading when it failed, or null if none. */
    public static String fieldPath(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return fromReferences(mapping.getPath());
        }
        if (e.getProcessor() instanceof JsonParser parser) {
            return fromContext(parser.getParsingContext());
        }
        return null;
    }

    /** The dotted path of the field {@code parser} is in, or null at the top: for failures that name no parser. */
    public static String fieldPath(JsonParser parser) {
        return fromContext(parser.getParsingContext());
    }

    private static String fromReferences(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String fromContext(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String path = String.join("", parts);
        if (path.startsWith(".")) {
            path = path.substring(1);
        }
        return path.isEmpty() ? null : path;
    }

    private static String pathOrName(String path, String name) {
        return path != null ? path : name;
    }

    private static String describe(String field) {
        return field == null ? "a value" : "field '" + field + "'";
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return " (expected an integer)";
        }
        if (type == String.class) {
            return " (expected a string)";
        }
        return " (expected " + type.getSimpleName() + ")";
    }
}
