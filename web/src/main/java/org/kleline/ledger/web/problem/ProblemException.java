package org.kleline.ledger.web.problem;

import java.util.Map;
import java.util.Objects;

/**
 * An exception that knows the problem details answer it becomes, and any headers that go with it
 * (such as {@code Retry-After}). Thrown anywhere below a route; the server's exception mapping writes
 * it out.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of(), null);
    }

    public ProblemException(Problem problem, Map<String, String> headers, Throwable cause) {
        super(problem.detail(), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The same problem, now naming the 1-based NDJSON line it was found on. */
    public ProblemException atLine(int line) {
        return new ProblemException(problem.withLine(line), headers, this);
    }
}
