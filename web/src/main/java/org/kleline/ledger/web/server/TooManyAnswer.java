package org.kleline.ledger.web.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.Problem;
import org.kleline.ledger.web.problem.ProblemType;

/** The 429 a server bound answers with before any route runs: {@code Retry-After} and a problem body. */
final class TooManyAnswer {

    /** What a refused client waits before trying again. */
    static final String RETRY_AFTER_SECONDS = "1";

    private TooManyAnswer() {}

    /**
     * Answers 429 with {@code detail}; {@code closeConnection} when the request's body may be left unread, so
     * that the client is told the connection ends rather than finding it reset.
     */
    static void send(String detail, boolean closeConnection, Response response, Callback callback) {
        response.setStatus(ProblemType.TOO_MANY_REQUESTS.status());
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (closeConnection) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        Problem problem = Problem.of(ProblemType.TOO_MANY_REQUESTS, detail);
        byte[] body;
        try {
            body = LedgerJson.mapper().writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize problem " + problem, e);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
