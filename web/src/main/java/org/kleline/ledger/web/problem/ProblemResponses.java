package org.kleline.ledger.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.kleline.ledger.web.json.LedgerJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mapping from exceptions to problem details answers, installed once for every route module:
 * {@link ProblemException} (validation 400, not found 404, unavailable 503 with Retry-After),
 * Jackson's read errors (400 naming the field), Javalin's own HTTP errors (404 for no route, 413
 * for an oversize body, ...), and anything else (500, logged, with no internals in the body).
 */
public final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private static final UnavailableException TIMED_OUT =
            new UnavailableException("the answer took longer than the server's limit");

    private ProblemResponses() {}

    public static void install(RoutesConfig routes) {
        routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e.problem(), e.headers()));
        routes.exception(JsonProcessingException.class, (e, ctx) -> write(ctx, JsonProblems.from(e), Map.of()));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromHttp(e), Map.of()));
        routes.exception(CompletionException.class, (e, ctx) -> writeUnwrapped(ctx, e));
        // Javalin cancels an answer's future when the async timeout passes: the server was too slow, retry.
        routes.exception(CancellationException.class, (e, ctx) -> write(ctx, TIMED_OUT.problem(), TIMED_OUT.headers()));
        routes.exception(Exception.class, (e, ctx) -> writeInternal(ctx, e));
    }

    public static void write(Context ctx, Problem problem, Map<String, String> headers) {
        headers.forEach(ctx::header);
        try {
            ctx.status(problem.status())
                    .contentType(Problem.MEDIA_TYPE)
                    .result(LedgerJson.mapper().writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            // A Problem is a flat record of strings and ints: failing to write it is a bug, not a request error.
            throw new IllegalStateException("cannot serialize problem " + problem, e);
        }
    }

    private static void writeUnwrapped(Context ctx, CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ProblemException p) {
            write(ctx, p.problem(), p.headers());
        } else if (cause instanceof JsonProcessingException j) {
            write(ctx, JsonProblems.from(j), Map.of());
        } else if (cause instanceof HttpResponseException h) {
            write(ctx, fromHttp(h), Map.of());
        } else {
            writeInternal(ctx, cause == null ? e : cause);
        }
    }

    private static void writeInternal(Context ctx, Throwable e) {
        LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
        write(ctx, Problem.of(ProblemType.INTERNAL, "the server failed to handle the request"), Map.of());
    }

    private static Problem fromHttp(HttpResponseException e) {
        int status = e.getStatus();
        return switch (status) {
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "no such resource");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, "method not allowed on this path");
            case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the request body is larger than the limit");
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
            default ->
                new Problem(
                        ProblemType.HTTP.uri(),
                        ProblemType.HTTP.title(),
                        status >= 400 && status <= 599 ? status : 500,
                        String.valueOf(e.getMessage()),
                        null,
                        null);
        };
    }
}
