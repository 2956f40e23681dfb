package org.kleline.ledger.query.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.query.figures.FigureOutOfRangeException;
import org.kleline.ledger.query.reads.TrialBalanceRead;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.ProblemException;

/**
 * An owner whose own sum of its partitions' parts passes the range of a long answers 422
 * {@code out-of-range}: the node that forwarded the read answers the same problem, not a 500.
 */
class RemoteReadsProblemTest {

    private HttpServer owner;
    private volatile int status;
    private volatile String body;

    @BeforeEach
    void start() throws IOException {
        owner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        owner.createContext(Forwarding.PATH, exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        owner.start();
    }

    @AfterEach
    void stop() {
        owner.stop(0);
    }

    private Throwable askOwner() {
        RemoteReads remote = new RemoteReads(
                new HostInfo("127.0.0.1", 1), Duration.ofSeconds(5), new ForwardMetrics(new SimpleMeterRegistry()));
        HostInfo at = new HostInfo(
                owner.getAddress().getHostString(), owner.getAddress().getPort());
        Throwable failure = catchThrowable(
                () -> remote.execute(at, new TrialBalanceRead(), Set.of(0, 1)).get(10, TimeUnit.SECONDS));
        return failure.getCause() instanceof CompletionException c ? c.getCause() : failure.getCause();
    }

    @Test
    void theOwnersOutOfRangeProblemIsTheAnswerHereWithItsDetail() throws Exception {
        FigureOutOfRangeException atOwner = new FigureOutOfRangeException("the credits of the trial balance in EUR");
        status = 422;
        body = new String(LedgerJson.mapper().writeValueAsBytes(atOwner.problem()), StandardCharsets.UTF_8);

        Throwable failure = askOwner();

        assertThat(failure)
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.problem()).isEqualTo(atOwner.problem()));
    }

    @Test
    void anyOtherProblemOfTheOwnerIsStillABugHere() {
        status = 422;
        body =
                "{\"type\":\"urn:kleline:ledger:problem:something-else\",\"title\":\"x\",\"status\":422,\"detail\":\"d\"}";

        assertThat(askOwner()).isInstanceOf(IllegalStateException.class).hasMessageContaining("with status 422: d");
    }
}
