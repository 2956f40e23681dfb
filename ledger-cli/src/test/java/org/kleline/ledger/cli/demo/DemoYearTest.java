package org.kleline.ledger.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.progress.ProgressLine;

/** {@code ledger run --demo-year}, against a stand-in of the bulk API that appends every good line. */
class DemoYearTest {

    @TempDir
    Path dataDir;

    private HttpServer server;
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    @BeforeEach
    void startBulkApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String[] lines = body.split("\n");
            // The simulator's four ways of breaking a line (simulator/README.md, "Bad lines").
            boolean bad = body.contains("customerIp")
                    || body.contains("#2\"")
                    || body.contains("\"EURO\"")
                    || body.matches("(?s).*\"(amount|maxBalance)\":0[,}].*");
            String answer =
                    bad ? "{\"status\":400,\"detail\":\"bad\",\"line\":1}" : "{\"accepted\":" + lines.length + "}";
            (bad ? refused : appended).addAndGet(lines.length);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(bad ? 400 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopBulkApi() {
        server.stop(0);
    }

    private boolean loadOnce(StringWriter out) {
        URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return DemoYear.loadOnce(
                dataDir,
                new LedgerApi(api, Optional.of("kl_demoyeartest_key")),
                "ca.pem",
                200,
                new PrintWriter(out, true),
                new ProgressLine(new PrintWriter(new StringWriter()), false, System::nanoTime));
    }

    @Test
    void theFirstStartAppendsTheYearAndSaysHowToSettleVerifyAndReportIt() {
        StringWriter out = new StringWriter();

        assertThat(loadOnce(out)).isTrue();

        Matcher line = Pattern.compile("Appended ([0-9,]+) lines in ([0-9,]+) requests")
                .matcher(out.toString());
        assertThat(line.find()).as(out.toString()).isTrue();
        assertThat(Long.parseLong(line.group(1).replace(",", "")))
                .isEqualTo(appended.get())
                .isPositive();
        assertThat(out.toString())
                .contains("Demo year (first start of this data directory only): Kleline's 1999 with 200 transactions")
                .contains("ledger settle --from 1999-01-01 --to 1999-12-31 --api-url http://127.0.0.1:")
                .contains("ledger verify --data-dir " + dataDir)
                .contains("ledger report --year 1999")
                .as("plain HTTP: nothing to trust")
                .doesNotContain("--tls-ca");
        assertThat(Files.exists(dataDir.resolve(DemoYear.MARKER))).isTrue();
    }

    @Test
    void aLaterStartLoadsNothingAgain() {
        assertThat(loadOnce(new StringWriter())).isTrue();
        long sent = appended.get() + refused.get();
        StringWriter out = new StringWriter();

        assertThat(loadOnce(out)).isFalse();

        assertThat(out.toString()).startsWith("Demo year: already loaded in this data directory");
        assertThat(appended.get() + refused.get()).isEqualTo(sent);
    }
}
