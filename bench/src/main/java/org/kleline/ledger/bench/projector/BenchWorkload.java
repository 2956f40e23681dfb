package org.kleline.ledger.bench.projector;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;

/**
 * The benchmark's event log: a set-up (merchants onboarded, wallets opened and topped up), then a
 * realistic mix of about 70% micropayments, 20% card payment lifecycle (authorize, capture, some
 * refunds and chargebacks) and 10% wallet and merchant events (top-ups, redemptions, fee plan
 * changes, payouts). Seeded, times one millisecond apart.
 */
final class BenchWorkload {

    static final long T0 = Instant.parse("2024-03-01T08:00:00Z").toEpochMilli();
    static final FeePlan PLAN = new FeePlan(250, 25L, 500, 1L, 1_500L, 2_000);

    final int wallets;
    final int merchants;
    final int mixEvents;
    private final SplittableRandom random;
    private long t = T0;
    private long seq;

    BenchWorkload(int wallets, int merchants, int mixEvents, long seed) {
        this.wallets = wallets;
        this.merchants = merchants;
        this.mixEvents = mixEvents;
        this.random = new SplittableRandom(seed);
    }

    int setupEvents() {
        return merchants + 2 * wallets;
    }

    void setup(Consumer<EventEnvelope> out) {
        for (int m = 0; m < merchants; m++) {
            out.accept(
                    env(new MerchantOnboarded("m" + m, "Shop " + m, m % 3 == 0 ? "p" + (m % 10) : null, "EUR", PLAN)));
        }
        for (int w = 0; w < wallets; w++) {
            out.accept(env(new WalletOpened("w" + w, "EUR", 1_000_000L)));
        }
        for (int w = 0; w < wallets; w++) {
            out.accept(env(new WalletToppedUp("w" + w, 500_000L)));
        }
    }

    void mix(Consumer<EventEnvelope> out) {
        List<String> authorized = new ArrayList<>();
        List<String> captured = new ArrayList<>();
        long payments = 0;
        for (int i = 0; i < mixEvents; i++) {
            int dice = random.nextInt(100);
            if (dice < 70) {
                out.accept(env(new MicropaymentRequested(wallet(), merchant(), 1L + random.nextInt(300))));
            } else if (dice < 90) {
                int step = random.nextInt(10);
                if (step < 5 || authorized.isEmpty()) {
                    String pay = "pay" + (payments++);
                    authorized.add(pay);
                    out.accept(env(new CardPaymentAuthorized(pay, merchant(), 10_000L, "EUR")));
                } else if (step < 9 || captured.isEmpty()) {
                    String pay = authorized.remove(authorized.size() - 1);
                    captured.add(pay);
                    out.accept(env(new CardPaymentCaptured(pay, 10_000L)));
                } else if (random.nextBoolean()) {
                    out.accept(env(new CardPaymentRefunded(captured.get(random.nextInt(captured.size())), 100L)));
                } else {
                    out.accept(env(
                            new CardPaymentChargedBack(captured.get(random.nextInt(captured.size())), 100L, "4837")));
                }
                trim(authorized);
                trim(captured);
            } else {
                int kind = random.nextInt(10);
                if (kind < 5) {
                    out.accept(env(new WalletToppedUp(wallet(), 1_000L)));
                } else if (kind < 8) {
                    out.accept(env(new WalletRedeemed(wallet(), 500L)));
                } else if (kind < 9) {
                    out.accept(env(new MerchantFeePlanChanged(merchant(), PLAN, null)));
                } else {
                    LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(t), ZoneId.of("Europe/Paris"));
                    out.accept(env(new MerchantPaidOut(merchant(), "bench-" + seq, date, 100L)));
                }
            }
        }
    }

    private static void trim(List<String> ids) {
        if (ids.size() > 10_000) {
            ids.subList(0, 5_000).clear();
        }
    }

    private String wallet() {
        return "w" + random.nextInt(wallets);
    }

    private String merchant() {
        return "m" + random.nextInt(merchants);
    }

    private EventEnvelope env(Object payload) {
        return new EventEnvelope("ev-" + (seq++), Instant.ofEpochMilli(t++), payload, null, null);
    }
}
