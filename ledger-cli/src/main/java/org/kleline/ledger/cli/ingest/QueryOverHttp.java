package org.kleline.ledger.cli.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.ingest.settle.SettlementRows;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;
import org.kleline.ledger.projector.read.CatchUpBarrier;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;
import org.kleline.ledger.web.auth.ClusterSecret;
import org.kleline.ledger.web.problem.UnavailableException;

/**
 * The query side of an ingest that runs apart from the projector nodes ({@code ledger ingest
 * --query-url}): first outcomes and settlement rows read through a node's public HTTP API
 * ({@code GET /v1/events/{id}}, {@code GET /v1/settlements/{date}?caughtUp=true}), which routes each
 * read to the node that owns it. The settlement rows are asked {@code caughtUp}: the node answers
 * them once its projector has applied every event appended before the request (its catch-up
 * barrier, server-side), so ingest stays stateless and needs no view of the projector's offsets. A
 * node out of reach, or one whose projector is behind, is a 503 for the write that needed it (with
 * the node's reason and {@code Retry-After}), never a guess.
 */
public final class QueryOverHttp implements OutcomeLookup, SettlementRows {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Above the query API's own forwarding timeout (5 s), so its 503 reaches us rather than our timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Above the node's catch-up bound (30 s) plus its forwarding timeout (5 s), so its 503 reaches us first. */
    static final Duration SETTLEMENT_ROWS_TIMEOUT = CatchUpBarrier.DEFAULT_BOUND.plusSeconds(10);

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Optional<ClusterSecret> clusterSecret;

    /** Without the cluster secret: a node with access control refuses it (tests of the wire format only). */
    public QueryOverHttp(URI base) {
        this(base, Optional.empty(), Optional.empty());
    }

    /** Reads sent with {@code clusterSecret}, which the nodes accept from the ledger's own processes. */
    public QueryOverHttp(URI base, ClusterSecret clusterSecret) {
        this(base, Optional.of(clusterSecret), Optional.empty());
    }

    /** As above, an {@code https://} node trusted as {@code tls} says ({@code --tls-ca}, or the JVM's trust store). */
    public QueryOverHttp(URI base, ClusterSecret clusterSecret, SSLContext tls) {
        this(base, Optional.of(clusterSecret), Optional.of(tls));
    }

    private QueryOverHttp(URI base, Optional<ClusterSecret> clusterSecret, Optional<SSLContext> tls) {
        this.clusterSecret = clusterSecret;
        if (base.getScheme() == null || !base.getScheme().startsWith("http") || base.getHost() == null) {
            throw new IllegalArgumentException("--query-url must be an http(s) URL, got '" + base + "'");
        }
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        tls.ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    @Override
    public Optional<EventOutcome> firstOutcome(String eventId) {
        return found("/v1/events/", eventId).map(QueryOverHttp::outcome);
    }

    @Override
    public Optional<String> merchantOfCardPayment(String paymentId) {
        return found("/v1/card-payments/", paymentId)
                .map(payment -> payment.get("merchantId").asText());
    }

    /** The body of {@code GET collection + id} ({@code id} as one path segment); empty on 404. */
    private Optional<JsonNode> found(String collection, String id) {
        HttpResponse<String> response =
                get(collection + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(body(response));
    }

    @Override
    public CompletableFuture<List<SettlementRow>> rowsOn(LocalDate businessDate) {
        HttpRequest request = request("/v1/settlements/" + businessDate + "?caughtUp=true", SETTLEMENT_ROWS_TIMEOUT);
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        throw outOfReach(cause);
                    }
                    List<SettlementRow> result = new ArrayList<>();
                    body(response).forEach(r -> result.add(row(r)));
                    return result;
                });
    }

    /** An outcome body of {@code GET /v1/events/{id}} as the record of {@code ledger.outcomes}. */
    public static EventOutcome outcome(JsonNode o) {
        List<Posting> postings = new ArrayList<>();
        o.path("postings")
                .forEach(p -> postings.add(new Posting(
                        p.get("account").asText(),
                        p.get("currency").asText(),
                        p.get("amount").asLong())));
        return EventOutcome.newBuilder()
                .setEventId(o.get("eventId").asText())
                .setKey(o.get("key").asText())
                .setEventType(EventType.valueOf(o.get("type").asText()))
                .setOccurredAt(Instant.parse(o.get("occurredAt").asText()))
                .setOutcome(Outcome.valueOf(o.get("outcome").asText()))
                .setReason(
                        o.hasNonNull("reason")
                                ? RejectionReason.valueOf(o.get("reason").asText())
                                : null)
                .setPostings(postings)
                .setAppendedBy(o.hasNonNull("appendedBy") ? o.get("appendedBy").asText() : null)
                .setPayloadSha256(
                        o.hasNonNull("payloadSha256") ? o.get("payloadSha256").asText() : null)
                .build();
    }

    /** A settlement row body of the query API as the record of {@code ledger.settlements}. */
    public static SettlementRow row(JsonNode r) {
        return SettlementRow.newBuilder()
                .setMerchantId(r.get("merchantId").asText())
                .setBusinessDate(LocalDate.parse(r.get("date").asText()))
                .setCurrency(r.get("currency").asText())
                .setCount(r.get("count").asLong())
                .setGross(r.get("gross").asLong())
                .setRefunds(r.get("refunds").asLong())
                .setChargebacks(r.get("chargebacks").asLong())
                .setFees(r.get("fees").asLong())
                .setCommission(r.get("commission").asLong())
                .setNet(r.get("net").asLong())
                .setPaidOut(r.get("paidOut").asLong())
                .setPayouts(r.get("payouts").intValue())
                .setStatus(SettlementStatus.valueOf(r.get("status").asText()))
                .build();
    }

    private JsonNode body(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            String detail = problemDetail(response.body());
            Duration retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .map(QueryOverHttp::seconds)
                    .orElse(UnavailableException.DEFAULT_RETRY_AFTER);
            throw new UnavailableException(
                    "the query API at " + base + " answered " + response.statusCode() + " to "
                            + response.uri().getPath() + (detail == null ? "" : ": " + detail),
                    retryAfter,
                    null);
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UnavailableException(
                    "the query API at " + base + " answered a body that is not JSON",
                    UnavailableException.DEFAULT_RETRY_AFTER,
                    e);
        }
    }

    /** The {@code detail} of a problem body, or null when the body is not one. */
    private String problemDetail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            return problem != null && problem.hasNonNull("detail")
                    ? problem.get("detail").asText()
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Duration seconds(String retryAfter) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return UnavailableException.DEFAULT_RETRY_AFTER;
        }
    }

    private UnavailableException outOfReach(Throwable cause) {
        return new UnavailableException(
                "the query API at " + base + " is out of reach: " + cause,
                UnavailableException.DEFAULT_RETRY_AFTER,
                cause);
    }

    private HttpRequest request(String pathAndQuery, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        clusterSecret.ifPresent(secret -> request.header(ClusterSecret.HEADER, secret.value()));
        return request.build();
    }

    private HttpResponse<String> get(String path) {
        HttpRequest request = request(path, REQUEST_TIMEOUT);
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw outOfReach(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(
                    "interrupted while reading the query API at " + base, UnavailableException.DEFAULT_RETRY_AFTER, e);
        }
    }
}
