package org.kleline.ledger.projector.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;

/**
 * A seeded, realistic event log: merchants (some with partners, some in USD), wallets, mostly
 * micropayments, card payment lifecycles, fee plan changes, payouts, and some duplicates and
 * events bound to be rejected. Times increase by one second an event.
 */
public final class RandomLedgerLog {

    private RandomLedgerLog() {}

    public static List<EventEnvelope> generate(long seed, int events, int merchants, int wallets) {
        Random r = new Random(seed);
        List<EventEnvelope> log = new ArrayList<>();
        long t = TestEvents.T0;
        String[] currency = new String[merchants];
        for (int m = 0; m < merchants; m++) {
            currency[m] = m % 5 == 4 ? "USD" : "EUR";
            String partner = m % 3 == 0 ? "p" + (m % 4) : null;
            log.add(TestEvents.onboard("on-" + m, "m" + m, currency[m], partner, plan(r), t += 1_000));
        }
        String[] walletCurrency = new String[wallets];
        for (int w = 0; w < wallets; w++) {
            walletCurrency[w] = w % 7 == 6 ? "USD" : "EUR";
            log.add(TestEvents.openWallet("open-" + w, "w" + w, walletCurrency[w], 15_000, t += 1_000));
            log.add(TestEvents.topUp("top0-" + w, "w" + w, 1_000 + r.nextInt(9_000), t += 1_000));
        }
        List<String> payments = new ArrayList<>();
        int seq = 0;
        while (log.size() < events) {
            t += 1_000;
            int dice = r.nextInt(100);
            String id = "e" + (seq++);
            if (dice < 70) {
                int w = r.nextInt(wallets + 2);
                int m = r.nextInt(merchants + 1);
                log.add(TestEvents.micro(id, "w" + w, "m" + m, 1 + r.nextInt(400), t));
            } else if (dice < 90) {
                if (payments.isEmpty() || r.nextInt(4) == 0) {
                    String pay = "pay" + payments.size();
                    payments.add(pay);
                    int m = r.nextInt(merchants + 1);
                    String cur = m < merchants ? currency[m] : "EUR";
                    log.add(TestEvents.authorize(
                            id, pay, "m" + m, 1_000 + r.nextInt(20_000), r.nextInt(20) == 0 ? "GBP" : cur, t));
                } else {
                    String pay = payments.get(r.nextInt(payments.size()));
                    int kind = r.nextInt(10);
                    long amount = 100 + r.nextInt(8_000);
                    if (kind < 6) {
                        log.add(TestEvents.capture(id, pay, amount, t));
                    } else if (kind < 9) {
                        log.add(TestEvents.refund(id, pay, amount / 2, t));
                    } else {
                        log.add(TestEvents.chargeback(id, pay, amount / 3, t));
                    }
                }
            } else {
                int kind = r.nextInt(10);
                int w = r.nextInt(wallets);
                int m = r.nextInt(merchants);
                if (kind < 4) {
                    log.add(TestEvents.topUp(id, "w" + w, 500 + r.nextInt(5_000), t));
                } else if (kind < 6) {
                    log.add(TestEvents.redeem(id, "w" + w, 100 + r.nextInt(3_000), t));
                } else if (kind < 7) {
                    Long from = r.nextBoolean() ? null : t + r.nextInt(60) * 1_000L;
                    log.add(TestEvents.changePlan(id, "m" + m, plan(r), from, t));
                } else if (kind < 9) {
                    LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(t), ZoneId.of("Europe/Paris"));
                    log.add(TestEvents.payout(
                            id, "m" + m, "manual-" + r.nextInt(events), date, 1 + r.nextInt(2_000), t));
                } else {
                    // A retry: an earlier eventId again under the same key, with another payload.
                    EventEnvelope earlier = log.get(r.nextInt(log.size()));
                    if (earlier.getPayload() instanceof org.kleline.ledger.events.WalletToppedUp top) {
                        log.add(TestEvents.topUp(earlier.getEventId(), top.getWalletId(), 1, t));
                    } else {
                        log.add(TestEvents.openWallet(id, "w" + r.nextInt(wallets + 5), "EUR", 15_000, t));
                    }
                }
            }
        }
        return log;
    }

    private static FeePlan plan(Random r) {
        return new FeePlan(
                r.nextInt(400),
                (long) r.nextInt(40),
                r.nextInt(900),
                (long) r.nextInt(3),
                (long) r.nextInt(2_000),
                r.nextInt(5_001));
    }
}
