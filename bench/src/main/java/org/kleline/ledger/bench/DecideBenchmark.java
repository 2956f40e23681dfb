package org.kleline.ledger.bench;

import java.time.Instant;
import java.util.Optional;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.model.cardpayment.CardPaymentDecider;
import org.kleline.ledger.model.cardpayment.CardPaymentState;
import org.kleline.ledger.model.decision.DecisionContext;
import org.kleline.ledger.model.decision.JournalEntries;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PartnerId;
import org.kleline.ledger.model.id.PaymentId;
import org.kleline.ledger.model.id.WalletId;
import org.kleline.ledger.model.merchant.MerchantState;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.wallet.WalletDecider;
import org.kleline.ledger.model.wallet.WalletState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * decide + post: the pure rule of one event and the Avro journal entry built from its decision,
 * the work the projector does per event before touching a store. The events cycle through a
 * fixed array so amounts and ids vary as in a real stream; the context answers from memory, as
 * the projector's answers from its RocksDB block cache.
 */
public class DecideBenchmark extends PerEventBenchmark {

    private static final int EVENTS = 4_096;
    private static final Instant T0 = Instant.parse("1999-10-15T10:00:00Z");

    private WalletDecider wallets;
    private CardPaymentDecider payments;
    private DecisionContext context;
    private WalletState wallet;
    private CardPaymentState payment;
    private EventEnvelope[] micropayments;
    private EventEnvelope[] captures;
    private int next;

    @Setup
    public void setUp() {
        BusinessCalendar calendar = BusinessCalendar.defaultCalendar();
        wallets = new WalletDecider(calendar);
        payments = new CardPaymentDecider(calendar);
        MerchantState merchant = MerchantState.onboarded(
                new MerchantId("m-017"),
                "Librairie du Net",
                new PartnerId("pa-03"),
                CurrencyCode.of("EUR"),
                T0.minusSeconds(86_400),
                new FeeSchedule(150, 25, 300, 5, 1_500, 2_000));
        context = new InMemoryContext(merchant);
        wallet =
                new WalletState(new WalletId("w-000042"), CurrencyCode.of("EUR"), 900_000_000_000L, 1_000_000_000_000L);
        payment = CardPaymentState.authorized(
                new PaymentId("p-000042"), new MerchantId("m-017"), CurrencyCode.of("EUR"), 1_000_000_000_000L);
        micropayments = new EventEnvelope[EVENTS];
        captures = new EventEnvelope[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            Instant at = T0.plusMillis(i);
            micropayments[i] = new EventEnvelope(
                    "mp-" + i, at, new MicropaymentRequested("w-000042", "m-017", 100L + i), null, null);
            captures[i] = new EventEnvelope("ca-" + i, at, new CardPaymentCaptured("p-000042", 1_000L + i), null, null);
        }
    }

    @Benchmark
    public JournalEntry micropayment() {
        EventEnvelope event = micropayments[next++ & (EVENTS - 1)];
        return JournalEntries.of(wallets.decide(wallet, event, context));
    }

    @Benchmark
    public JournalEntry capture() {
        EventEnvelope event = captures[next++ & (EVENTS - 1)];
        return JournalEntries.of(payments.decide(payment, event, context));
    }

    /** Nothing seen before, one merchant, no payouts: the answers a store lookup gives. */
    private static final class InMemoryContext implements DecisionContext {
        private final MerchantState merchant;

        InMemoryContext(MerchantState merchant) {
            this.merchant = merchant;
        }

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
    }
}
