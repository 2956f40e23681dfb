package org.kleline.ledger.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * @param type   a URI naming the kind of problem
 * @param title  a short summary of that kind, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong this time, naming the value at fault
 * @param field  the one request field at fault (a JSON path such as {@code feePlan.cardBps},
 *               or a header or path parameter name), when there is one
 * @param line   the 1-based NDJSON line at fault, when the body is NDJSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "field", "line"})
public record Problem(String type, String title, int status, String detail, String field, Integer line) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599, was " + status);
        }
        if (line != null && line < 1) {
            throw new IllegalArgumentException("line is 1-based, was " + line);
        }
    }

    public static Problem of(ProblemType kind, String detail) {
        return new Problem(kind.uri(), kind.title(), kind.status(), detail, null, null);
    }

    public Problem withField(String fieldName) {
        return new Problem(type, title, status, detail, fieldName, line);
    }

    public Problem withLine(int lineNumber) {
        return new Problem(type, title, status, detail, field, lineNumber);
    }
}
