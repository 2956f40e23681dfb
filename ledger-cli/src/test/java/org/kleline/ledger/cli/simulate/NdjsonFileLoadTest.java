package org.kleline.ledger.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.api.ApiFailure;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.RetryWhenBusy;
import org.kleline.ledger.simulator.bulk.BulkLimits;
import org.kleline.ledger.simulator.generate.Defect;

/**
 * A file posted to a stand-in of {@code POST /v1/events} that keeps the bulk API's contract: a body
 * is appended whole ({@code {"accepted": n}}) or refused whole, naming its first bad line (a zero or
 * negative amount, an unknown field).
 */
class NdjsonFileLoadTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<List<String>> appended = new ArrayList<>();

    @BeforeEach
    void startBulkApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/events", exchange -> {
            String[] lines = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String answer = null;
            for (int i = 0; i < lines.length && answer == null; i++) {
                if (lines[i].contains("\"amount\":0")
                        || lines[i].contains("\"amount\":-")
                        || lines[i].contains("customerIp")) {
                    answer = "{\"status\":400,\"detail\":\"amount must be 1..1000000000000 minor units\","
                            + "\"field\":\"amount\",\"line\":" + (i + 1) + "}";
                }
            }
            int status = answer == null ? 200 : 400;
            if (answer == null) {
                synchronized (appended) {
                    appended.add(List.of(lines));
                }
                answer = "{\"accepted\":" + lines.length + "}";
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopBulkApi() {
        server.stop(0);
    }

    private BulkPoster poster() {
        LedgerApi api = new LedgerApi(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        return new BulkPoster(api, new RetryWhenBusy(1, Duration.ZERO, Duration.ZERO));
    }

    private static String topUp(int n, long amount) {
        return "{\"type\":\"WalletToppedUp\",\"eventId\":\"e-" + n + "\",\"walletId\":\"w-1\",\"amount\":" + amount
                + "}";
    }

    @Test
    void aLineBrokenOnPurposeGoesAloneAndItsRefusalIsCounted() throws IOException {
        Path file = Files.writeString(
                dir.resolve("year.ndjson"),
                String.join(
                        "\n",
                        topUp(1, 5),
                        topUp(2, 5),
                        topUp(3, 5),
                        topUp(4, 0),
                        topUp(5, 5),
                        "",
                        topUp(6, 5),
                        topUp(7, 5)));

        NdjsonFileLoad.Summary summary =
                NdjsonFileLoad.load(file, poster(), new BulkLimits(10, 1 << 20), (bytes, total, lines) -> {});

        assertThat(summary.lines()).isEqualTo(8);
        assertThat(summary.blankLines()).isEqualTo(1);
        assertThat(summary.linesAppended()).isEqualTo(6);
        assertThat(summary.refusedByDefect()).isEqualTo(Map.of(Defect.ZERO_AMOUNT, 1L));
        assertThat(summary.requests()).isEqualTo(3);
        assertThat(appended)
                .containsExactly(
                        List.of(topUp(1, 5), topUp(2, 5), topUp(3, 5)), List.of(topUp(5, 5), topUp(6, 5), topUp(7, 5)));
    }

    @Test
    void aRefusalNobodyExpectedStopsTheLoadNamingTheLineOfTheFile() throws IOException {
        Path file = Files.writeString(
                dir.resolve("bad.ndjson"),
                String.join("\n", topUp(1, 5), topUp(2, 5), topUp(3, 5), topUp(4, -5), topUp(5, 5)) + "\n");

        assertThatThrownBy(() ->
                        NdjsonFileLoad.load(file, poster(), new BulkLimits(2, 1 << 20), (bytes, total, lines) -> {}))
                .isInstanceOf(ApiFailure.class)
                .hasMessageStartingWith("line 4 of " + file + " was refused and is not one of the lines a simulation "
                        + "breaks on purpose, so the load stops: POST /v1/events refused line 2 of a request: amount "
                        + "must be 1..1000000000000 minor units (field amount): " + topUp(4, -5))
                .hasMessageContaining("Every line before line 3 is appended, none from it on");
        assertThat(appended).containsExactly(List.of(topUp(1, 5), topUp(2, 5)));
    }

    @Test
    void aRefusalInTheFirstRequestSaysNothingOfTheFileIsAppended() throws IOException {
        Path file = Files.writeString(dir.resolve("first.ndjson"), topUp(1, -5) + "\n" + topUp(2, 5) + "\n");

        assertThatThrownBy(() -> NdjsonFileLoad.load(file, poster(), BulkLimits.api(), (bytes, total, lines) -> {}))
                .isInstanceOf(ApiFailure.class)
                .hasMessageStartingWith("line 1 of " + file + " was refused")
                .hasMessageContaining("No line of the file is appended; fix the line and load the file again");
        assertThat(appended).isEmpty();
    }
}
