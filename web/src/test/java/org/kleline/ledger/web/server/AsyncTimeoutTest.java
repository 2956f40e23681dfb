package org.kleline.ledger.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AsyncTimeoutTest {

    // Javalin writes its own plain body after the timeout; the status and Retry-After are ours.
    @Test
    void answerThatNeverComesIsA503AfterTheAsyncTimeout() throws Exception {
        HttpServerConfig config = new HttpServerConfig("127.0.0.1", 0, 1024, 300, HttpLimits.defaults());
        try (LedgerHttpServer server = LedgerHttpServer.create(
                        config, List.of(routes -> routes.get("/never", ctx -> ctx.future(CompletableFuture::new))))
                .start()) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/never"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        }
    }
}
