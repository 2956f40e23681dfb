package org.kleline.ledger.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo's data. One settled business day, imported with its own times (the day's events are in
 * {@code settled-day.ndjson} beside this class: three merchants brought by two partners, three
 * wallets topped up, five micropayments, three card payments with captures, a refund and a
 * chargeback), then two live micropayments of today, one of them beyond the wallet's balance.
 * Every id is fixed, so a demo interrupted and run again appends nothing twice.
 */
final class DemoScenario {

    static final LocalDate SETTLED_DAY = LocalDate.of(1999, 11, 26);
    static final String DAY_RESOURCE = "settled-day.ndjson";

    /** A live micropayment: Idempotency-Key, wallet, merchant, amount in minor units. */
    record LiveMicropayment(String idempotencyKey, String walletId, String merchantId, long amountMinor) {}

    static final List<LiveMicropayment> LIVE = List.of(
            new LiveMicropayment("demo-live-mp-1", "w-alice", "m-presse", 250),
            // w-chloe holds 550 after the settled day: this one is REJECTED, INSUFFICIENT_FUNDS.
            new LiveMicropayment("demo-live-mp-2", "w-chloe", "m-jeux", 900));

    /** The figures printed at the end. */
    static final String SHOWN_ACCOUNT = "wallet:w-alice";

    static final String SHOWN_MERCHANT = "m-librairie";

    private DemoScenario() {}

    static String settledDayNdjson() {
        try (InputStream in = DemoScenario.class.getResourceAsStream(DAY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo resource " + DAY_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo resource " + DAY_RESOURCE, e);
        }
    }

    /** The events of the settled day, in file order. */
    static List<JsonNode> settledDayEvents() {
        ObjectMapper json = new ObjectMapper();
        return settledDayNdjson()
                .lines()
                .filter(line -> !line.isBlank())
                .map(line -> {
                    try {
                        return json.readTree(line);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(
                                "demo resource " + DAY_RESOURCE + " has a bad line: " + line, e);
                    }
                })
                .toList();
    }
}
