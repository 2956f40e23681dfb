package org.kleline.ledger.web.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.kleline.ledger.web.problem.Problem;
import org.kleline.ledger.web.problem.ProblemException;
import org.kleline.ledger.web.problem.ProblemType;

/**
 * The API's contract, docs/openapi.json (the jar carries a copy made at build time), at {@code GET /openapi.json},
 * and a page to browse it at {@code GET /docs}: Swagger UI, its scripts and style sheet served from the
 * {@code org.webjars:swagger-ui} jar under {@code /docs/{asset}}, so the page needs no outside network.
 * Every server of the ledger has them, and they need no credential: the document describes routes, it
 * holds no data (its "Try it out" sends the key typed into "Authorize").
 */
public final class ApiDocsRoutes implements HttpRoutes {

    public static final String DOCUMENT_PATH = "/openapi.json";
    public static final String PAGE_PATH = "/docs";
    public static final String ASSET_PATH = "/docs/{asset}";

    /** Where the build puts the copy of docs/openapi.json (web/pom.xml). */
    static final String DOCUMENT_RESOURCE = "/org/kleline/ledger/web/docs/openapi.json";

    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** The files of the webjar the page loads, by the content type they are served with; no other is served. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Kleline Ledger HTTP API</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
              <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script>
                window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
              </script>
            </body>
            </html>
            """;

    private final byte[] document;
    private final String webjarRoot;

    public ApiDocsRoutes() {
        this.document = read(DOCUMENT_RESOURCE);
        this.webjarRoot = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    }

    @Override
    public void register(RoutesConfig routes) {
        /* The OpenAPI 3.1 document of every route. */
        routes.get(DOCUMENT_PATH, ctx -> ctx.contentType("application/json").result(document));
        /* Swagger UI on that document. */
        routes.get(PAGE_PATH, ctx -> ctx.html(PAGE));
        /* The page's scripts, style sheet and icons, from the webjar. */
        routes.get(ASSET_PATH, this::asset);
    }

    /** The document as served: the copy of docs/openapi.json in this jar. */
    public static byte[] document() {
        return read(DOCUMENT_RESOURCE);
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        String contentType = ASSETS.get(name);
        if (contentType == null) {
            throw new ProblemException(Problem.of(ProblemType.NOT_FOUND, "no file " + name + " under " + PAGE_PATH)
                    .withField("asset"));
        }
        ctx.header("Cache-Control", "max-age=3600").contentType(contentType).result(read(webjarRoot + name));
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException(
                        "org.webjars:swagger-ui is not on the class path (" + WEBJAR_PROPERTIES + ")");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
