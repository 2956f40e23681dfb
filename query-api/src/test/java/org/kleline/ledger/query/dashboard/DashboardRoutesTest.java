package org.kleline.ledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.web.server.LedgerHttpServer;

/** The dashboard's page and files from the class path, uPlot from its webjar; nothing else under /dashboard. */
class DashboardRoutesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private LedgerHttpServer server;

    @BeforeEach
    void start() {
        server = LedgerHttpServer.create(0, List.of(new DashboardRoutes(DashboardAssets.onClassPath())))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void thePageLoadsItsScriptsFromThisServerOnly() throws Exception {
        HttpResponse<String> page = get("/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(DashboardRoutes.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body())
                .contains("<script src=\"/dashboard/uPlot.iife.min.js\"></script>")
                .contains("<script src=\"/dashboard/dashboard.js\"></script>")
                .doesNotContain("http://")
                .doesNotContain("https://");
        for (String file : List.of("dashboard.js", "dashboard.css", "uPlot.iife.min.js", "uPlot.min.css")) {
            HttpResponse<String> asset = get("/dashboard/" + file);
            assertThat(asset.statusCode()).as(file).isEqualTo(200);
            assertThat(asset.body()).as(file).isNotBlank();
        }
        assertThat(get("/dashboard/uPlot.iife.min.js").body()).contains("uPlot");
        assertThat(get("/dashboard/dashboard.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
    }

    @Test
    void aFileTheDashboardDoesNotHaveIsA404Problem() throws Exception {
        for (String name : List.of("webjars.properties", "index.htm", "uPlot.cjs.js", "LICENSE")) {
            HttpResponse<String> r = get("/dashboard/" + name);
            assertThat(r.statusCode()).as(name).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).as(name).hasValue("application/problem+json");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
