package org.kleline.ledger.web.server;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler of every request: its body ends, failed, at the connection's idle timeout. Jetty reports
 * that timeout as a transient failure a reader may ignore, and the handler that gathers a body before the
 * route runs does ignore it: without this, a client falling silent halfway through its body would hold its
 * connection for ever.
 */
final class SilenceEndsTheBody extends Handler.Wrapper {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new TimedOutBodyEnds(request), response, callback);
    }

    private static final class TimedOutBodyEnds extends Request.Wrapper {

        TimedOutBodyEnds(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (Content.Chunk.isFailure(chunk, false)) {
                return Content.Chunk.from(chunk.getFailure(), true);
            }
            return chunk;
        }
    }
}
