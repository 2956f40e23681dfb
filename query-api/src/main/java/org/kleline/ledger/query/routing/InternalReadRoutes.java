package org.kleline.ledger.query.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.InvalidRequestException;
import org.kleline.ledger.web.server.HttpRoutes;

/**
 * The receiving end of a forwarded read: answered from this node's own partitions only, never
 * forwarded again (503 when this node no longer owns them). Not part of the public API.
 */
public final class InternalReadRoutes implements HttpRoutes {

    private final LocalStores local;
    private final ObjectMapper mapper = LedgerJson.mapper();

    public InternalReadRoutes(LocalStores local) {
        this.local = local;
    }

    @Override
    public void register(RoutesConfig routes) {
        /* A read of partitions this node owns, from another query node: body ReadRequest, answer the read's JSON. */
        routes.post(Forwarding.PATH, this::answer);
    }

    private void answer(Context ctx) throws IOException {
        String from = ctx.header(Forwarding.HEADER);
        if (from == null || from.isBlank()) {
            throw new InvalidRequestException(
                    Forwarding.HEADER,
                    "header " + Forwarding.HEADER
                            + " is required: this endpoint only answers reads forwarded by another query node");
        }
        ReadRequest request = mapper.readValue(ctx.bodyAsBytes(), ReadRequest.class);
        Object answer = local.execute(request.read(), request.partitions());
        ctx.status(200).contentType("application/json").result(mapper.writeValueAsBytes(answer));
    }
}
