package org.kleline.ledger.model.throughput;

import java.time.Instant;
import java.util.Optional;

import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.model.cardpayment.CardPaymentDecider;
import org.kleline.ledger.model.cardpayment.CardPaymentState;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.decision.DecisionContext;
import org.kleline.ledger.model.decision.JournalEntries;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.fee.FeePlan;
import org.kleline.ledger.model.fixtures.Events;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PartnerId;
import org.kleline.ledger.model.id.PaymentId;
import org.kleline.ledger.model.id.WalletId;
import org.kleline.ledger.model.merchant.MerchantState;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.wallet.WalletDecider;
import org.kleline.ledger.model.wallet.WalletState;

/**
 * A rough single-thread measure of decide + journal entry per second, not a test: no
 * assertion, not run by the build; JMH benchmarks belong in {@code bench/}.
 *
 * <pre>
 * ./mvnw -q -o test-compile -pl ledger-model
 * ./mvnw -q -o dependency:build-classpath -pl ledger-model -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx256m -XX:+UseSerialGC -cp ledger-model/target/classes:ledger-model/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.kleline.ledger.model.throughput.DecideThroughput
 * </pre>
 */
public final class DecideThroughput {

    private static final int EVENTS = 4_096;
    private static final int ROUND = 2_000_000;

    private DecideThroughput() {
    }

    public static void main(String[] args) {
        BusinessCalendar calendar = BusinessCalendar.defaultCalendar();
        WalletDecider wallets = new WalletDecider(calendar);
        CardPaymentDecider payments = new CardPaymentDecider(calendar);
        MerchantState merchant = MerchantState.onboarded(new MerchantId("m-1"), "Merchant", new PartnerId("pa-1"),
                CurrencyCode.of("EUR"), Events.T0.minusSeconds(86_400), new FeePlan(150, 25, 300, 5, 1_500, 2_000));
        DecisionContext context = new DecisionContext() {
            @Override
            public boolean seen(AggregateKey key, String eventId) {
                return false;
            }

            @Override
            public Optional<MerchantTerms> merchantTerms(String merchantId, Instant at) {
                return Optional.of(merchant.termsAt(at));
            }

            @Override
            public boolean payoutIdUsed(String merchantId, String payoutId) {
                return false;
            }
        };
        EventEnvelope[] micropayments = new EventEnvelope[EVENTS];
        EventEnvelope[] topUps = new EventEnvelope[EVENTS];
        EventEnvelope[] captures = new EventEnvelope[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            Instant at = Events.T0.plusMillis(i);
            micropayments[i] = Events.event("mp-" + i, at, Events.micropayment("w-1", "m-1", 1_000 + i));
            topUps[i] = Events.event("tu-" + i, at, Events.topUp("w-1", 1));
            captures[i] = Events.event("ca-" + i, at, Events.capture("p-1", 1_000 + i));
        }
        WalletState rich = new WalletState(new WalletId("w-1"), CurrencyCode.of("EUR"), 900_000_000_000L,
                1_000_000_000_000L);
        WalletState empty = new WalletState(new WalletId("w-1"), CurrencyCode.of("EUR"), 0, 1_000_000_000_000L);
        CardPaymentState authorized = CardPaymentState.authorized(new PaymentId("p-1"), new MerchantId("m-1"),
                CurrencyCode.of("EUR"), 1_000_000_000_000L);

        for (int round = 0; round < 6; round++) {
            String label = round < 2 ? "warm-up " : "measured";
            report(label + " micropayment", () -> {
                long sink = 0;
                for (int i = 0; i < ROUND; i++) {
                    Decision<WalletState> decision = wallets.decide(rich, micropayments[i & (EVENTS - 1)], context);
                    JournalEntry entry = JournalEntries.of(decision);
                    sink += entry.getPostings().size();
                }
                return sink;
            });
            report(label + " top-up      ", () -> {
                long sink = 0;
                for (int i = 0; i < ROUND; i++) {
                    Decision<WalletState> decision = wallets.decide(empty, topUps[i & (EVENTS - 1)], context);
                    sink += JournalEntries.of(decision).getPostings().size();
                }
                return sink;
            });
            report(label + " capture     ", () -> {
                long sink = 0;
                for (int i = 0; i < ROUND; i++) {
                    Decision<CardPaymentState> decision =
                            payments.decide(authorized, captures[i & (EVENTS - 1)], context);
                    sink += JournalEntries.of(decision).getPostings().size();
                }
                return sink;
            });
        }
    }

    private static void report(String label, java.util.function.LongSupplier work) {
        long start = System.nanoTime();
        long sink = work.getAsLong();
        long elapsedNanos = System.nanoTime() - start;
        long perSecond = ROUND * 1_000_000_000L / elapsedNanos;
        System.out.printf("%s: %,d decide+journal entry per second (%d postings)%n", label, perSecond, sink);
    }
}
