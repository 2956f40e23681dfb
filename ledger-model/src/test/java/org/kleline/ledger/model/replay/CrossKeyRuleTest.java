package org.kleline.ledger.model.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.authorization;
import static org.kleline.ledger.model.fixtures.Events.event;
import static org.kleline.ledger.model.fixtures.Events.feePlanChange;
import static org.kleline.ledger.model.fixtures.Events.micropayment;
import static org.kleline.ledger.model.fixtures.Events.onboarding;
import static org.kleline.ledger.model.fixtures.Events.plan;
import static org.kleline.ledger.model.fixtures.Events.standardPlan;
import static org.kleline.ledger.model.fixtures.Events.topUp;
import static org.kleline.ledger.model.fixtures.Events.walletOpened;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.model.journal.JournalLine;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.topics.EventPartitions;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.outcomes.RejectionReason;

/**
 * The cross-key rule (docs/domain.md): which merchant events count for a payment is read from the
 * log (offsets, and the payment's appendedAfter stamp), then time decides among them. Figures by
 * hand: the standard plan takes micro 3.00% + 5, so a micropayment of 1,000 pays a fee of 35; the
 * plan "B" takes micro 10.00% + 0, a fee of 100.
 */
class CrossKeyRuleTest {

    private static final int PARTITIONS = 4;
    private static final int MERCHANTS = EventPartitions.partitionOf("merchant:m-1", PARTITIONS);
    private static final int WALLETS = (MERCHANTS + 1) % PARTITIONS;

    private final LedgerReplay ledger = new LedgerReplay(BusinessCalendar.defaultCalendar(), PARTITIONS);

    /** A stamp whose bound on the merchant's partition is {@code bound}. */
    private static List<Long> stamp(long bound) {
        List<Long> ends = new ArrayList<>(Collections.nCopies(PARTITIONS, 0L));
        ends.set(MERCHANTS, bound);
        return ends;
    }

    private Decision<?> at(int partition, long offset, List<Long> appendedAfter, EventEnvelope event) {
        event.setAppendedAfter(appendedAfter);
        return ledger.apply(event, new LogPosition(partition, offset, appendedAfter));
    }

    private void walletWith10000() {
        at(WALLETS, 0, null, event("w-open", T0.minusSeconds(7_200), walletOpened("w-1", "EUR", 100_000)));
        at(WALLETS, 1, null, event("w-top", T0.minusSeconds(7_100), topUp("w-1", 10_000)));
    }

    private static long merchantCredit(Decision<?> decision) {
        return decision.postings().stream()
                .filter(p -> p.account().value().equals("merchant:m-1"))
                .mapToLong(JournalLine::amountMinor)
                .sum();
    }

    @Test
    void aPaymentStampedBelowTheOnboardingDoesNotSeeTheMerchantHoweverLateItIsRead() {
        at(MERCHANTS, 0, null, event("on", T0.minusSeconds(3_600), onboarding("m-1", null, "EUR", standardPlan())));
        walletWith10000();

        Decision<?> before = at(WALLETS, 2, stamp(0), event("mp-1", T0, micropayment("w-1", "m-1", 1_000)));
        Decision<?> after = at(WALLETS, 3, stamp(1), event("mp-2", T0, micropayment("w-1", "m-1", 1_000)));

        assertThat(before.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(before.reason()).isEqualTo(RejectionReason.UNKNOWN_MERCHANT);
        assertThat(after.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(merchantCredit(after)).isEqualTo(1_000 - 35);
    }

    @Test
    void aBackdatedFeePlanChangeAppendedAfterAPaymentDoesNotActOnIt() {
        at(MERCHANTS, 0, null, event("on", T0.minusSeconds(3_600), onboarding("m-1", null, "EUR", standardPlan())));
        walletWith10000();
        Instant halfAnHourAgo = T0.minusSeconds(1_800);
        // Appended at offset 1, after the first payment's stamp was taken, though effective before its time.
        at(
                MERCHANTS,
                1,
                null,
                event("plan-b", halfAnHourAgo, feePlanChange("m-1", plan(0, 0, 1_000, 0, 0, 0), halfAnHourAgo)));

        Decision<?> stampedBefore = at(WALLETS, 2, stamp(1), event("mp-1", T0, micropayment("w-1", "m-1", 1_000)));
        Decision<?> stampedAfter = at(WALLETS, 3, stamp(2), event("mp-2", T0, micropayment("w-1", "m-1", 1_000)));

        assertThat(merchantCredit(stampedBefore)).isEqualTo(1_000 - 35);
        assertThat(merchantCredit(stampedAfter)).isEqualTo(1_000 - 100);
    }

    @Test
    void amongTheEventsThatCountTimeDecides() {
        at(MERCHANTS, 0, null, event("on", T0, onboarding("m-1", null, "EUR", standardPlan())));
        walletWith10000();

        Decision<?> earlier =
                at(WALLETS, 2, stamp(1), event("mp-1", T0.minusSeconds(1), micropayment("w-1", "m-1", 1_000)));

        assertThat(earlier.reason()).isEqualTo(RejectionReason.UNKNOWN_MERCHANT);
    }

    @Test
    void anUnstampedEventSeesTheMerchantEventsOfItsOwnPartitionOnly() {
        at(MERCHANTS, 0, null, event("on", T0.minusSeconds(3_600), onboarding("m-1", null, "EUR", standardPlan())));
        walletWith10000();

        Decision<?> otherPartition = at(WALLETS, 2, null, event("mp-1", T0, micropayment("w-1", "m-1", 1_000)));
        Decision<?> samePartition =
                at(MERCHANTS, 1, null, event("auth-1", T0, authorization("p-1", "m-1", 5_000, "EUR")));

        assertThat(otherPartition.reason()).isEqualTo(RejectionReason.UNKNOWN_MERCHANT);
        assertThat(samePartition.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void merchantEventsAboveABoundMayBeAppliedBeforeOrAfterThePaymentToTheSameEffect() {
        LedgerReplay merchantsFirst = new LedgerReplay(BusinessCalendar.defaultCalendar(), PARTITIONS);
        LedgerReplay interleaved = new LedgerReplay(BusinessCalendar.defaultCalendar(), PARTITIONS);
        List<Object[]> merchantRecords = List.of(
                new Object[] {0L, event("on", T0.minusSeconds(3_600), onboarding("m-1", null, "EUR", standardPlan()))},
                new Object[] {
                    1L,
                    event(
                            "plan-b",
                            T0.minusSeconds(60),
                            feePlanChange("m-1", plan(0, 0, 1_000, 0, 0, 0), T0.minusSeconds(60)))
                });
        EventEnvelope open = event("w-open", T0.minusSeconds(7_200), walletOpened("w-1", "EUR", 100_000));
        EventEnvelope top = event("w-top", T0.minusSeconds(7_100), topUp("w-1", 10_000));
        EventEnvelope pay = event("mp-1", T0, micropayment("w-1", "m-1", 1_000));
        pay.setAppendedAfter(stamp(1));

        for (Object[] m : merchantRecords) {
            merchantsFirst.apply((EventEnvelope) m[1], new LogPosition(MERCHANTS, (Long) m[0], null));
        }
        merchantsFirst.apply(open, new LogPosition(WALLETS, 0, null));
        merchantsFirst.apply(top, new LogPosition(WALLETS, 1, null));
        Decision<?> first = merchantsFirst.apply(pay, new LogPosition(WALLETS, 2, stamp(1)));

        interleaved.apply((EventEnvelope) merchantRecords.get(0)[1], new LogPosition(MERCHANTS, 0, null));
        interleaved.apply(open, new LogPosition(WALLETS, 0, null));
        interleaved.apply(top, new LogPosition(WALLETS, 1, null));
        Decision<?> second = interleaved.apply(pay, new LogPosition(WALLETS, 2, stamp(1)));
        interleaved.apply((EventEnvelope) merchantRecords.get(1)[1], new LogPosition(MERCHANTS, 1, null));

        assertThat(merchantCredit(first)).isEqualTo(1_000 - 35).isEqualTo(merchantCredit(second));
        assertThat(merchantsFirst.balances()).isEqualTo(interleaved.balances());
    }
}
