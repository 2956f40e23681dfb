package org.kleline.ledger.web.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.Problem;
import org.kleline.ledger.web.problem.ProblemType;

/**
 * What Jetty answers itself, before any route runs (a request line or path it cannot decode, a head
 * over its size, an illegal character in a header), as a problem body like every other error rather
 * than Jetty's HTML page. The detail is Jetty's reason, which names the rule and never the server's
 * internals.
 */
final class ProblemErrorHandler extends ErrorHandler {

    /** Jetty writes a body for GET, POST and HEAD only; a DELETE with an undecodable path deserves one too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int code, String message) {
        int status = code >= 400 && code <= 599 ? code : 400;
        Problem problem = switch (status) {
            case 400 -> Problem.of(ProblemType.BAD_REQUEST, detail("the request is not valid HTTP", message));
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "no such resource");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, "method not allowed on this path");
            case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the request body is larger than the limit");
            case 414 -> Problem.of(ProblemType.URI_TOO_LONG, "the request line is longer than the limit (8 KiB)");
            case 431 ->
                Problem.of(
                        ProblemType.HEADERS_TOO_LARGE,
                        "the request's headers are larger than the limit" + " (8 KiB in all)");
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail("unsupported media type", message));
            case 500 -> Problem.of(ProblemType.INTERNAL, "the server failed to handle the request");
            case 503 -> Problem.of(ProblemType.UNAVAILABLE, "the server cannot answer now");
            default ->
                new Problem(
                        ProblemType.HTTP.uri(),
                        ProblemType.HTTP.title(),
                        status,
                        detail(HttpStatus.getMessage(status), message),
                        null,
                        null);
        };
        try {
            return LedgerJson.mapper().writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize problem " + problem, e);
        }
    }

    private static String detail(String what, String message) {
        return message == null || message.isBlank() ? what : what + ": " + message;
    }
}
