package org.kleline.ledger.cli.verify;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.topics.EventPartitions;

/**
 * A merchant with a partner, a wallet topped up with 10,000 cents and a micropayment of 1,000:
 * fee = halfEven(1000 * 1000, 10000) + 5 = 105, commission = halfEven(105 * 2500, 10000) = 26, so
 * wallet:w-1 -1000, merchant:m-1 +895, platform:fees +79, partner:p-1 +26.
 */
final class SmallLedger {

    static final Instant T0 = Instant.parse("1999-06-01T08:00:00Z");

    private SmallLedger() {}

    /** A log of two partitions: the merchant's events on its own, the wallet's on the other, stamped past the onboarding. */
    static final int PARTITIONS = 2;

    static List<LoggedEvent> events() {
        FeePlan plan = new FeePlan(250, 30L, 1000, 5L, 1500L, 2500);
        int merchants = EventPartitions.partitionOf("merchant:m-1", PARTITIONS);
        int wallets = 1 - merchants;
        List<Long> afterOnboarding = merchants == 0 ? List.of(1L, 0L) : List.of(0L, 1L);
        return List.of(
                event(
                        merchants,
                        0,
                        "merchant:m-1",
                        "e-onboard",
                        0,
                        new MerchantOnboarded("m-1", "Figures", "p-1", "EUR", plan),
                        null),
                event(wallets, 0, "wallet:w-1", "e-open", 1, new WalletOpened("w-1", "EUR", 15_000L), null),
                event(wallets, 1, "wallet:w-1", "e-topup", 2, new WalletToppedUp("w-1", 10_000L), null),
                event(
                        wallets,
                        2,
                        "wallet:w-1",
                        "e-mp",
                        3,
                        new MicropaymentRequested("w-1", "m-1", 1_000L),
                        afterOnboarding),
                event(
                        wallets,
                        3,
                        "wallet:w-1",
                        "e-mp",
                        4,
                        new MicropaymentRequested("w-1", "m-1", 1_000L),
                        afterOnboarding));
    }

    static Recomputation recomputed() {
        Recomputation recomputation = new Recomputation(new BusinessCalendar(ZoneId.of("Europe/Paris")), PARTITIONS);
        events().forEach(recomputation::apply);
        return recomputation;
    }

    static LoggedEvent event(
            int partition,
            long offset,
            String key,
            String eventId,
            int minutes,
            Object payload,
            List<Long> appendedAfter) {
        return LoggedEvent.read(
                partition,
                offset,
                key,
                new EventEnvelope(eventId, T0.plusSeconds(60L * minutes), payload, appendedAfter, null));
    }
}
