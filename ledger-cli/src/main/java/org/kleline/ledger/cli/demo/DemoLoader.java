package org.kleline.ledger.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.report.Figures;

/**
 * {@code ledger run --demo}: on the first start of a data directory, writes {@link DemoScenario}
 * through the ledger's own HTTP API (as any client would), settles its day, and prints a few
 * figures read back from the API. A marker file in the data directory keeps later starts from
 * loading it again.
 */
public final class DemoLoader {

    public static final String MARKER = "demo-loaded";
    private static final Duration OUTCOMES_TIMEOUT = Duration.ofSeconds(90);
    private static final long POLL_MS = 100;
    private static final String WAIT = "10";

    private final LedgerApi api;
    private final PrintWriter out;

    private DemoLoader(LedgerApi api, PrintWriter out) {
        this.api = api;
        this.out = out;
    }

    /**
     * Loads the demo through {@code api} (the admin's client, trusting the run's certificate over HTTPS) unless
     * the marker says it was; returns whether it loaded it now.
     */
    public static boolean loadOnce(Path dataDir, LedgerApi api, PrintWriter out) {
        Path marker = dataDir.resolve(MARKER);
        if (Files.exists(marker)) {
            out.println("Demo: already loaded in this data directory (" + marker + "); not loading it again.");
            out.flush();
            return false;
        }
        new DemoLoader(api, out).load();
        try {
            Files.writeString(marker, "demo loaded at " + Instant.now() + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "demo loaded, but its marker " + marker + " could not be written: " + e.getMessage(), e);
        }
        return true;
    }

    private void load() {
        out.println();
        out.println("Demo workload (first start of this data directory only; amounts in minor units, EUR cents):");
        out.flush();

        List<JsonNode> day = DemoScenario.settledDayEvents();
        List<String> dayIds = day.stream().map(e -> e.get("eventId").asText()).toList();
        JsonNode imported = api.post(
                        "/v1/events", DemoScenario.settledDayNdjson(), Map.of("Content-Type", "application/x-ndjson"))
                .expect(200)
                .json();
        awaitAccepted(dayIds);
        out.printf(
                "  imported %d events of %s with their own times (POST /v1/events): all ACCEPTED%n",
                imported.get("accepted").asLong(), DemoScenario.SETTLED_DAY);

        awaitRows(DayTotals.of(day));
        JsonNode settled = api.post("/v1/settlements/" + DemoScenario.SETTLED_DAY + "/settle", "", Map.of())
                .expect(200)
                .json();
        List<String> payoutIds = new ArrayList<>();
        List<String> payouts = new ArrayList<>();
        settled.get("payouts").forEach(p -> {
            payoutIds.add(p.get("payoutId").asText());
            payouts.add(p.get("merchantId").asText() + " " + p.get("amount").asLong());
        });
        awaitAccepted(payoutIds);
        out.printf(
                "  settled %s (POST /v1/settlements/%s/settle): %d payouts%s%n",
                DemoScenario.SETTLED_DAY,
                DemoScenario.SETTLED_DAY,
                payouts.size(),
                payouts.isEmpty() ? "" : " (" + String.join(", ", payouts) + ")");

        for (DemoScenario.LiveMicropayment mp : DemoScenario.LIVE) {
            JsonNode outcome = api.post(
                            "/v1/wallets/" + mp.walletId() + "/micropayments",
                            "{\"merchantId\":\"" + mp.merchantId() + "\",\"amount\":" + mp.amountMinor() + "}",
                            Map.of(
                                    "Idempotency-Key",
                                    mp.idempotencyKey(),
                                    "Prefer",
                                    "wait=" + WAIT,
                                    "Content-Type",
                                    "application/json"))
                    .expect(200)
                    .json();
            out.printf(
                    "  micropayment %s -> %s %d (Prefer: wait=%s): %s%n",
                    mp.walletId(), mp.merchantId(), mp.amountMinor(), WAIT, describe(outcome));
        }
        printFigures();
    }

    private void printFigures() {
        out.println("Figures, read back from the query API:");
        JsonNode balances = api.get("/v1/accounts/" + LedgerApi.segment(DemoScenario.SHOWN_ACCOUNT) + "/balances")
                .expect(200)
                .json();
        for (JsonNode b : balances) {
            out.printf(
                    "  balance of %-22s %d %s (credits %d, debits %d)%n",
                    DemoScenario.SHOWN_ACCOUNT,
                    b.get("balance").asLong(),
                    b.get("currency").asText(),
                    b.get("credits").asLong(),
                    b.get("debits").asLong());
        }
        String day = DemoScenario.SETTLED_DAY.toString();
        JsonNode rows = api.get(
                        "/v1/merchants/" + DemoScenario.SHOWN_MERCHANT + "/settlements?from=" + day + "&to=" + day)
                .expect(200)
                .json();
        for (JsonNode r : rows) {
            Figures figures = Figures.ofRow(r);
            out.printf(
                    "  settlement %s %s: count %d, gross %d, refunds %d, chargebacks %d, fees %d "
                            + "(commission %d), net %d, paid out %d: %s%n",
                    r.get("merchantId").asText(),
                    r.get("date").asText(),
                    figures.count(),
                    figures.gross(),
                    figures.refunds(),
                    figures.chargebacks(),
                    figures.fees(),
                    figures.commission(),
                    figures.net(),
                    figures.paidOut(),
                    r.get("status").asText());
        }
        for (JsonNode t : api.get("/v1/trial-balance").expect(200).json()) {
            out.printf(
                    "  trial balance %s: total %d over %d accounts%n",
                    t.get("currency").asText(),
                    t.get("total").asLong(),
                    t.get("accounts").asLong());
        }
        out.flush();
    }

    private static String describe(JsonNode outcome) {
        String result = outcome.get("outcome").asText();
        if (outcome.hasNonNull("reason")) {
            return result + " (" + outcome.get("reason").asText() + "), no posting";
        }
        List<String> postings = new ArrayList<>();
        JsonNode list = outcome.path("postings");
        for (JsonNode p : list) {
            long amount = p.get("amount").asLong();
            postings.add(p.get("account").asText() + " " + (amount > 0 ? "+" : "") + amount);
        }
        return result + ", " + String.join(", ", postings);
    }

    /** Polls each event's outcome (404 until decided) and requires it ACCEPTED. */
    private void awaitAccepted(List<String> eventIds) {
        long deadline = System.nanoTime() + OUTCOMES_TIMEOUT.toNanos();
        Iterator<String> pending = new ArrayList<>(eventIds).iterator();
        String eventId = pending.hasNext() ? pending.next() : null;
        while (eventId != null) {
            LedgerApi.Answer answer = api.get("/v1/events/" + LedgerApi.segment(eventId));
            if (answer.status() == 200) {
                JsonNode outcome = answer.json();
                if (!"ACCEPTED".equals(outcome.get("outcome").asText())) {
                    throw new IllegalStateException("demo event " + eventId + " was not accepted: " + answer.body());
                }
                eventId = pending.hasNext() ? pending.next() : null;
                continue;
            }
            if (answer.status() != 404) {
                answer.expect(200);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "demo: no outcome for " + eventId + " after " + OUTCOMES_TIMEOUT.toSeconds() + " s");
            }
            pause();
        }
    }

    /** Polls the day's settlement rows until they show every event of the day (see {@link DayTotals}). */
    private void awaitRows(DayTotals totals) {
        long deadline = System.nanoTime() + OUTCOMES_TIMEOUT.toNanos();
        String path = "/v1/settlements/" + DemoScenario.SETTLED_DAY;
        while (!totals.shownBy(api.get(path).expect(200).json())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("demo: the settlement rows of " + DemoScenario.SETTLED_DAY
                        + " did not show the day's events after " + OUTCOMES_TIMEOUT.toSeconds() + " s: "
                        + api.get(path).body());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo interrupted while waiting for outcomes", e);
        }
    }
}
