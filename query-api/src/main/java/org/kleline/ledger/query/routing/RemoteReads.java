package org.kleline.ledger.query.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.state.HostInfo;
import org.kleline.ledger.query.reads.ViewRead;
import org.kleline.ledger.web.auth.ClusterSecret;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.Problem;
import org.kleline.ledger.web.problem.ProblemException;
import org.kleline.ledger.web.problem.ProblemType;
import org.kleline.ledger.web.problem.UnavailableException;

/**
 * Asks another query node for a read of the partitions it owns, over HTTP (java.net.http), with
 * {@link Forwarding#HEADER} so that it answers from its own stores and forwards nowhere. Whatever
 * keeps the answer from coming (a refused connection, the timeout, the owner's own 503) is a 503
 * here too: the assignment is moving or the owner is restoring, and a retry will find it. The owner's
 * 422 {@code out-of-range} (a sum of its partitions' parts beyond the range of a long) is the answer
 * here too, with the owner's detail.
 */
public final class RemoteReads {

    private static final String JSON = "application/json";

    private final HttpClient client;
    private final HostInfo self;
    private final Duration timeout;
    private final ObjectMapper mapper = LedgerJson.mapper();
    private final ForwardMetrics metrics;

    private final Optional<ClusterSecret> clusterSecret;
    private final String scheme;

    public RemoteReads(HostInfo self, Duration timeout, ForwardMetrics metrics) {
        this(self, timeout, metrics, Optional.empty(), Optional.empty());
    }

    /**
     * @param clusterSecret sent in {@link ClusterSecret#HEADER}: the other nodes refuse a read without it
     * @param tls           when present, the other nodes serve HTTPS, and are trusted as this context says
     */
    public RemoteReads(
            HostInfo self,
            Duration timeout,
            ForwardMetrics metrics,
            Optional<ClusterSecret> clusterSecret,
            Optional<SSLContext> tls) {
        this.clusterSecret = clusterSecret;
        this.self = self;
        this.timeout = timeout;
        this.metrics = metrics;
        this.scheme = tls.isPresent() ? "https://" : "http://";
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        tls.ifPresent(builder::sslContext);
        this.client = builder.build();
    }

    /** The owner's answer to {@code read} from {@code partitions}, or a failed future (503 or 500). */
    public <R> CompletableFuture<R> execute(HostInfo owner, ViewRead<R> read, Set<Integer> partitions) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint(owner))
                .timeout(timeout)
                .header(Forwarding.HEADER, address(self))
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(new ReadRequest(read, partitions))));
        clusterSecret.ifPresent(secret -> builder.header(ClusterSecret.HEADER, secret.value()));
        HttpRequest request = builder.build();
        long startNs = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    metrics.forwarded(
                            owner, System.nanoTime() - startNs, error == null && response.statusCode() == 200);
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause()
                                : error;
                        throw new UnavailableException(
                                "instance " + address(owner) + " could not be asked for " + describe(read) + ": "
                                        + cause,
                                UnavailableException.DEFAULT_RETRY_AFTER,
                                cause);
                    }
                    return answer(owner, read, response);
                });
    }

    private <R> R answer(HostInfo owner, ViewRead<R> read, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 200) {
            try {
                return mapper.readValue(response.body(), read.resultType(mapper.getTypeFactory()));
            } catch (IOException e) {
                throw new IllegalStateException(
                        "instance " + address(owner) + " answered " + describe(read)
                                + " with a body this node cannot read",
                        e);
            }
        }
        String detail = problemDetail(response.body());
        // 429: the owner has as many requests in flight as it takes (forwarded reads are not refused by their
        // class, but a peer of another version may refuse them): for this client, the owner is unavailable now.
        if (status == 503 || status == ProblemType.TOO_MANY_REQUESTS.status()) {
            throw new UnavailableException(
                    "instance " + address(owner) + " cannot answer " + describe(read) + " now: " + detail);
        }
        if (status == ProblemType.OUT_OF_RANGE.status()
                && ProblemType.OUT_OF_RANGE.uri().equals(problemType(response.body()))) {
            throw new ProblemException(Problem.of(ProblemType.OUT_OF_RANGE, detail));
        }
        // Reads are built by this code on both sides: any other status is a bug or a version mismatch (500).
        throw new IllegalStateException(
                "instance " + address(owner) + " failed " + describe(read) + " with status " + status + ": " + detail);
    }

    private String problemDetail(byte[] body) {
        try {
            return mapper.readTree(body).path("detail").asText(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private String problemType(byte[] body) {
        try {
            return mapper.readTree(body).path("type").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] body(ReadRequest request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + request, e);
        }
    }

    private URI endpoint(HostInfo owner) {
        return URI.create(scheme + address(owner) + Forwarding.PATH);
    }

    /** {@code host:port}, with an IPv6 literal in brackets. */
    static String address(HostInfo host) {
        String name = host.host().indexOf(':') >= 0 ? "[" + host.host() + "]" : host.host();
        return name + ":" + host.port();
    }

    private static String describe(ViewRead<?> read) {
        return read.getClass().getSimpleName();
    }
}
