package org.kleline.ledger.model.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.model.id.PayoutId;

/**
 * Settling a business date D: for each merchant (in merchantId order) whose row for D has
 * {@code due = net - paidOut > 0}, one MerchantPaidOut of {@code due} with payoutId
 * {@code po-{merchantId}-{D}} (or {@code ...-{payouts + 1}} after earlier payouts) and eventId
 * equal to the payoutId.
 *
 * <p>Settling D again once those payouts are applied gives nothing; settling it again before
 * gives the same eventIds, which the projector decides as DUPLICATE. So a payout is never
 * made twice.
 *
 * <p>A row {@linkplain DailySettlement#inRange() out of range} (its sums passed 2^63-1 minor units)
 * is never paid from: its figures are bounds, not what the merchant is due.
 */
public final class SettlementRun {

    private static final Comparator<DailySettlement> BY_MERCHANT =
            Comparator.comparing(row -> row.merchantId().value());

    private SettlementRun() {}

    /**
     * The payouts to append for {@code date}, given every row of that date in any order; none for a
     * row out of range.
     *
     * @throws IllegalArgumentException when a row is of another date, or a merchant has two
     *                                  rows (a merchant has one currency, so it cannot)
     */
    public static List<MerchantPaidOut> payouts(LocalDate date, Collection<DailySettlement> rows) {
        List<DailySettlement> due = new ArrayList<>();
        for (DailySettlement row : rows) {
            if (!row.key().businessDate().equals(date)) {
                throw new IllegalArgumentException("settling " + date + " was given the row of " + row.key());
            }
            if (row.inRange() && row.due() > 0) {
                due.add(row);
            }
        }
        due.sort(BY_MERCHANT);
        List<MerchantPaidOut> payouts = new ArrayList<>(due.size());
        for (int i = 0; i < due.size(); i++) {
            DailySettlement row = due.get(i);
            if (i > 0 && due.get(i - 1).merchantId().equals(row.merchantId())) {
                throw new IllegalArgumentException("merchant " + row.merchantId() + " has two rows on " + date);
            }
            PayoutId payoutId = PayoutId.settlement(row.merchantId(), date, row.payouts());
            payouts.add(new MerchantPaidOut(row.merchantId().value(), payoutId.value(), date, row.due()));
        }
        return payouts;
    }

    /** The event that carries a settlement payout: its eventId is the payoutId. */
    public static EventEnvelope toEvent(MerchantPaidOut payout, Instant occurredAt) {
        return new EventEnvelope(payout.getPayoutId(), occurredAt, payout, null, null);
    }
}
