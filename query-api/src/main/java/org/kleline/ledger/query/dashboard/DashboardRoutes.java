package org.kleline.ledger.query.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kleline.ledger.web.problem.NotFoundException;
import org.kleline.ledger.web.server.HttpRoutes;

/**
 * The settlement dashboard ({@code docs/analysts.md}): {@code GET /dashboard} is a static page, and
 * {@code GET /dashboard/{asset}} its script, style and chart library. They hold no figure and need no
 * key: the page asks for an API key and reads the figures with it from the keyed routes
 * ({@code /v1/settlement-summary}, a merchant's settlement rows, its account's entries), so what a key
 * may see is decided there, as for every client. Nothing is fetched from outside the server.
 */
public final class DashboardRoutes implements HttpRoutes {

    public static final String PATH = "/dashboard";

    /** Scripts and styles from this server only; nothing may frame the page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";

    private final DashboardAssets assets;

    public DashboardRoutes(DashboardAssets assets) {
        this.assets = assets;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> answer(ctx, "index.html"));
        routes.get(PATH + "/{asset}", ctx -> answer(ctx, ctx.pathParam("asset")));
    }

    private void answer(Context ctx, String name) {
        DashboardAssets.Asset asset =
                assets.asset(name).orElseThrow(() -> new NotFoundException("the dashboard has no file '" + name + "'"));
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .contentType(asset.mediaType())
                .result(assets.bytes(asset));
    }
}
