package org.kleline.ledger.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.web.server.LedgerHttpServer;
import org.kleline.ledger.web.server.RouteModules;

/** {@code /metrics}: one prefix on every series, and every answered request timed by route template and status. */
class MetricsRoutesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everySeriesStartsWithTheOnePrefixAndTheLedgersOwnNamesAreNotPrefixedTwice() throws Exception {
        try (PrometheusMetrics metrics = new PrometheusMetrics()) {
            Counter.builder("ledger.own.things").register(metrics.registry()).increment();
            Counter.builder("borrowed.things").register(metrics.registry()).increment();

            String scrape = metrics.scrape();

            assertThat(scrape).contains("ledger_own_things_total 1.0", "ledger_borrowed_things_total 1.0");
            assertThat(scrape).doesNotContain("ledger_ledger_");
            for (String line : scrape.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    assertThat(line).as("a series of the scrape").startsWith("ledger_");
                }
            }
        }
    }

    @Test
    void everyRequestIsTimedByMethodRouteTemplateAndStatus() throws Exception {
        try (PrometheusMetrics metrics = new PrometheusMetrics();
                LedgerHttpServer server = LedgerHttpServer.create(
                                0,
                                // Inside a group of modules, as a node serves its routes.
                                List.of(new RouteModules(List.of(
                                        new MetricsRoutes(metrics),
                                        routes -> routes.get("/v1/wallets/{walletId}", ctx -> ctx.result("w"))))))
                        .start()) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            get(base.resolve("/v1/wallets/w-alice"));
            get(base.resolve("/v1/wallets/w-bob"));
            get(base.resolve("/no/such/route"));

            // The server times a request once it has answered it: the scrape may come first.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String scrape = get(base.resolve("/metrics")).body();
                assertThat(count(scrape, "GET", "/v1/wallets/{walletId}", "200"))
                        .isEqualTo(2);
                assertThat(count(scrape, "GET", HttpRequestMeters.UNMATCHED, "404"))
                        .isEqualTo(1);
                assertThat(scrape).doesNotContain("w-alice").contains("ledger_http_server_requests_seconds_bucket{");
            });
        }
    }

    private static long count(String scrape, String method, String route, String status) {
        Matcher m = Pattern.compile("^ledger_http_server_requests_seconds_count\\{(.*)} (\\d+)$", Pattern.MULTILINE)
                .matcher(scrape);
        long total = 0;
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("method=\"" + method + "\"")
                    && labels.contains("route=\"" + route + "\"")
                    && labels.contains("status=\"" + status + "\"")) {
                total += Long.parseLong(m.group(2));
            }
        }
        return total;
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
