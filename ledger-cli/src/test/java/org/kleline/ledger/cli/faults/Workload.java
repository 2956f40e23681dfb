package org.kleline.ledger.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.kleline.ledger.cli.run.LedgerClient;

/**
 * The writes of a fault campaign, from a seed: merchants and wallets first, then single top-ups and
 * micropayments and NDJSON bulk bodies of both, each event with an id of its own that is never sent
 * twice (so an id appended twice is the ledger's doing, not a retry's). Every request and its answer
 * is recorded: the status, or 0 when the server could not be reached or the connection broke.
 */
final class Workload {

    /** One HTTP request: its route, body and the ids of the events it carries. */
    record Request(
            String kind, String path, String contentType, String body, String idempotencyKey, List<String> eventIds) {}

    /** A request sent and what came back. */
    record Sent(Request request, int status) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    static final int MERCHANTS = 3;
    static final int WALLETS = 12;
    static final int BULK_LINES_MAX = 40;

    private final String prefix;
    private final Random random;
    private final AtomicLong next = new AtomicLong();
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

    /** @param prefix the start of every id of this workload (one per campaign, so campaigns never collide) */
    Workload(String prefix, long seed) {
        this.prefix = prefix;
        this.random = new Random(seed);
    }

    /** A campaign's workload: its ids start with {@code campaign} and a few characters of the seed. */
    static Workload seeded(String campaign, long seed) {
        return new Workload(campaign + Long.toString(Math.abs(seed % 1_000_000), 36), seed);
    }

    /** Sends the {@link #opening()} requests in order, each of which must be answered 200. */
    void open(LedgerClient to) {
        for (Request opening : opening()) {
            assertThat(send(to, opening, true).status()).as(opening.kind()).isEqualTo(200);
        }
    }

    /** The merchants, the wallets and a first top-up of each: sent first, waiting for their outcomes. */
    List<Request> opening() {
        List<Request> requests = new ArrayList<>();
        for (int m = 0; m < MERCHANTS; m++) {
            String id = prefix + "-onboard-" + m;
            requests.add(oneEvent(
                    "onboard",
                    "/v1/merchants",
                    "{\"merchantId\":\"" + merchant(m) + "\",\"name\":\"Merchant " + m + "\",\"currency\":\"EUR\","
                            + "\"feePlan\":{\"cardBps\":180,\"cardFixed\":25,\"microBps\":500,\"microFixed\":2,"
                            + "\"chargebackFee\":1500,\"partnerShareBps\":0}}",
                    id));
        }
        for (int w = 0; w < WALLETS; w++) {
            String open = prefix + "-open-" + w;
            requests.add(
                    oneEvent("open", "/v1/wallets", "{\"walletId\":\"" + wallet(w) + "\",\"currency\":\"EUR\"}", open));
            String topUp = prefix + "-first-top-up-" + w;
            requests.add(oneEvent("top-up", "/v1/wallets/" + wallet(w) + "/top-ups", "{\"amount\":5000}", topUp));
        }
        return requests;
    }

    /** A single write. */
    synchronized Request single() {
        String id = nextId();
        int w = random.nextInt(WALLETS);
        if (random.nextInt(5) == 0) {
            return oneEvent(
                    "top-up",
                    "/v1/wallets/" + wallet(w) + "/top-ups",
                    "{\"amount\":" + (100 + random.nextInt(900)) + "}",
                    id);
        }
        return oneEvent(
                "micropayment",
                "/v1/wallets/" + wallet(w) + "/micropayments",
                "{\"merchantId\":\"" + merchant(random.nextInt(MERCHANTS)) + "\",\"amount\":"
                        + (1 + random.nextInt(300)) + "}",
                id);
    }

    /** An NDJSON body of 2 to {@link #BULK_LINES_MAX} lines, appended in one transaction. */
    synchronized Request bulk() {
        return bulk(2 + random.nextInt(BULK_LINES_MAX - 1));
    }

    /** An NDJSON body of {@code lines} lines (at most 10,000), appended in one transaction. */
    synchronized Request bulk(int lines) {
        StringBuilder body = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            String id = nextId();
            ids.add(id);
            int w = random.nextInt(WALLETS);
            if (random.nextInt(5) == 0) {
                body.append("{\"type\":\"WalletToppedUp\",\"eventId\":\"")
                        .append(id)
                        .append("\",\"walletId\":\"")
                        .append(wallet(w))
                        .append("\",\"amount\":")
                        .append(100 + random.nextInt(900))
                        .append("}\n");
            } else {
                body.append("{\"type\":\"MicropaymentRequested\",\"eventId\":\"")
                        .append(id)
                        .append("\",\"walletId\":\"")
                        .append(wallet(w))
                        .append("\",\"merchantId\":\"")
                        .append(merchant(random.nextInt(MERCHANTS)))
                        .append("\",\"amount\":")
                        .append(1 + random.nextInt(300))
                        .append("}\n");
            }
        }
        return new Request("bulk", "/v1/events", "application/x-ndjson", body.toString(), null, List.copyOf(ids));
    }

    /** A number from the campaign's seed, for the schedule of faults. */
    synchronized int draw(int bound) {
        return random.nextInt(bound);
    }

    /** Sends {@code request} once (never again: the campaign does not retry) and records the answer. */
    Sent send(LedgerClient client, Request request, boolean waitForOutcome) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", request.contentType()));
        if (request.idempotencyKey() != null) {
            headers.addAll(List.of("Idempotency-Key", request.idempotencyKey()));
        }
        if (waitForOutcome) {
            headers.addAll(List.of("Prefer", "wait=10"));
        }
        int status;
        try {
            status = client.post(request.path(), request.body(), headers.toArray(String[]::new))
                    .status();
        } catch (UncheckedIOException e) {
            status = 0;
        }
        Sent answer = new Sent(request, status);
        sent.add(answer);
        return answer;
    }

    /** Every request sent so far. */
    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The ids of every event of a request answered 2xx: each must have exactly one outcome. */
    Set<String> acknowledgedIds() {
        Set<String> ids = new TreeSet<>();
        sent.stream()
                .filter(Sent::acknowledged)
                .forEach(s -> ids.addAll(s.request().eventIds()));
        return ids;
    }

    /** The ids of every event sent, answered or not: none may be appended twice. */
    Set<String> sentIds() {
        Set<String> ids = new TreeSet<>();
        sent.forEach(s -> ids.addAll(s.request().eventIds()));
        return ids;
    }

    String merchant(int m) {
        return prefix + "-m" + m;
    }

    String wallet(int w) {
        return prefix + "-w" + w;
    }

    private String nextId() {
        return prefix + "-e" + next.incrementAndGet();
    }

    /** A JSON write of one event, its idempotency key the event's id. */
    private static Request oneEvent(String kind, String path, String body, String eventId) {
        return new Request(kind, path, "application/json", body, eventId, List.of(eventId));
    }
}
