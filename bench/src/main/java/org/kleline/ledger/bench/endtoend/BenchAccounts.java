package org.kleline.ledger.bench.endtoend;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The accounts the HTTP benchmarks work on: merchants {@code m-bench-<i>} and wallets
 * {@code w-bench-<i>}, each wallet topped up far beyond what the micropayments take, and the requests
 * made on them. Every write has an Idempotency-Key of its own ({@code <run>-<phase>-<index>}).
 */
final class BenchAccounts {

    static final long MAX_BALANCE_MINOR = 1_000_000_000L;
    static final long TOP_UP_MINOR = 100_000_000L;
    static final long MICROPAYMENT_MINOR = 100;
    static final Duration WAIT = Duration.ofSeconds(5);

    private final int wallets;
    private final int merchants;
    private final String run;
    private final String authorization;

    /** @param apiKey the key every request of the load carries */
    BenchAccounts(int wallets, int merchants, String run, String apiKey) {
        if (wallets < 1 || merchants < 1) {
            throw new IllegalArgumentException(
                    "wallets and merchants must be >= 1, were " + wallets + " and " + merchants);
        }
        this.wallets = wallets;
        this.merchants = merchants;
        this.run = run;
        this.authorization = "Bearer " + apiKey;
    }

    /** NDJSON for {@code POST /v1/events}: the merchants, the wallets, a top-up each. */
    byte[] setupNdjson() {
        StringBuilder ndjson = new StringBuilder();
        for (int m = 0; m < merchants; m++) {
            ndjson.append(String.format(
                    Locale.ROOT,
                    "{\"type\":\"MerchantOnboarded\",\"eventId\":\"%s-onboard-%d\","
                            + "\"merchantId\":\"%s\",\"name\":\"Bench merchant %d\",\"currency\":\"EUR\",\"feePlan\":"
                            + "{\"cardBps\":180,\"cardFixed\":25,\"microBps\":500,\"microFixed\":2,\"chargebackFee\":1500,"
                            + "\"partnerShareBps\":0}}%n",
                    run,
                    m,
                    merchant(m),
                    m));
        }
        for (int w = 0; w < wallets; w++) {
            ndjson.append(String.format(
                    Locale.ROOT,
                    "{\"type\":\"WalletOpened\",\"eventId\":\"%s-open-%d\","
                            + "\"walletId\":\"%s\",\"currency\":\"EUR\",\"maxBalance\":%d}%n",
                    run,
                    w,
                    wallet(w),
                    MAX_BALANCE_MINOR));
            ndjson.append(String.format(
                    Locale.ROOT,
                    "{\"type\":\"WalletToppedUp\",\"eventId\":\"%s-topup-%d\","
                            + "\"walletId\":\"%s\",\"amount\":%d}%n",
                    run,
                    w,
                    wallet(w),
                    TOP_UP_MINOR));
        }
        return ndjson.toString().getBytes(StandardCharsets.UTF_8);
    }

    int setupEvents() {
        return merchants + 2 * wallets;
    }

    /** A micropayment of request {@code index} of {@code phase}, waiting up to 5 s for its outcome. */
    BenchRequest micropayment(URI api, String phase, long index) {
        String body = String.format(
                Locale.ROOT,
                "{\"merchantId\":\"%s\",\"amount\":%d}",
                merchant((int) (index % merchants)),
                MICROPAYMENT_MINOR);
        return new BenchRequest(
                "POST",
                api.resolve("/v1/wallets/" + wallet((int) (index % wallets)) + "/micropayments"),
                Map.of(
                        "Content-Type",
                        "application/json",
                        "Authorization",
                        authorization,
                        "Idempotency-Key",
                        run + "-" + phase + "-" + index,
                        "Prefer",
                        "wait=" + WAIT.toSeconds()),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** The balances of wallet {@code index % wallets}. */
    BenchRequest balance(URI api, long index) {
        return new BenchRequest(
                "GET",
                api.resolve("/v1/accounts/wallet:" + wallet((int) (index % wallets)) + "/balances"),
                Map.of("Authorization", authorization),
                null);
    }

    static BenchRequest health(URI api) {
        return BenchRequest.get(api.resolve("/health"));
    }

    static BenchRequest unknownPath(URI api) {
        return BenchRequest.get(api.resolve("/v1/no-such-resource"));
    }

    private String wallet(int w) {
        return "w-" + run + "-" + w;
    }

    private String merchant(int m) {
        return "m-" + run + "-" + m;
    }
}
