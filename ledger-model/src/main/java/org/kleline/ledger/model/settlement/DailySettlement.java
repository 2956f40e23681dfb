package org.kleline.ledger.model.settlement;

import java.util.Objects;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

/**
 * A settlement row: a merchant's accepted payment events and payouts of one business date in
 * one currency (docs/domain.md, "Settlement"). {@code net = gross - refunds - chargebacks - fees};
 * the row is PAID when {@code net > 0} and {@code paidOut >= net}, else OPEN.
 *
 * <p>A row exists once any event touches it: start from {@link #empty} and {@link #apply}
 * each effect.
 *
 * <p><b>Beyond the range of a long</b> (docs/domain.md, "Running totals"). A row sums the effects of
 * events decided on every partition of the log, so no decision can see it whole, and its effects
 * arrive in an order that depends on how fast each partition is read. So a sum that would pass
 * {@link Long#MAX_VALUE} stops there ({@code payouts} at {@link Integer#MAX_VALUE}), and {@link #net}
 * and {@link #due} stop at {@link Long#MIN_VALUE}: adding non-negative figures that stop at a bound
 * gives the same row in any order, so the row stays a function of the log. Such a row is
 * {@linkplain #inRange() out of range}: its figures are bounds, not sums, and a settlement run pays
 * nothing from it. It takes one merchant's accepted amounts of one business date beyond 2^63-1 minor
 * units.
 *
 * @param key         merchant, business date and currency
 * @param count       accepted captures and micropayments
 * @param gross       their amounts
 * @param refunds     accepted refunds
 * @param chargebacks accepted chargebacks
 * @param fees        card and micro fees plus chargeback fees
 * @param commission  the partners' part of the fees, already inside {@code fees}
 * @param paidOut     sum of accepted payouts whose businessDate is this date
 * @param payouts     count of those payouts
 */
public record DailySettlement(
        SettlementKey key,
        long count,
        long gross,
        long refunds,
        long chargebacks,
        long fees,
        long commission,
        long paidOut,
        int payouts) {

    public DailySettlement {
        Objects.requireNonNull(key, "key");
        if (count < 0
                || gross < 0
                || refunds < 0
                || chargebacks < 0
                || fees < 0
                || commission < 0
                || paidOut < 0
                || payouts < 0) {
            throw new IllegalArgumentException("settlement figures must be >= 0: count " + count + ", gross "
                    + gross + ", refunds " + refunds + ", chargebacks " + chargebacks + ", fees " + fees
                    + ", commission " + commission + ", paidOut " + paidOut + ", payouts " + payouts);
        }
    }

    /** The row before any event touched it. */
    public static DailySettlement empty(SettlementKey key) {
        return new DailySettlement(key, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * This row with {@code effect} added; a sum that would pass {@link Long#MAX_VALUE} (payouts:
     * {@link Integer#MAX_VALUE}) stays there, and the row is then {@linkplain #inRange() out of range}.
     *
     * @throws IllegalArgumentException when the effect belongs to another row
     */
    public DailySettlement apply(SettlementEffect effect) {
        if (!effect.key().equals(key)) {
            throw new IllegalArgumentException("effect on " + effect.key() + " applied to row " + key);
        }
        return new DailySettlement(
                key,
                boundedSum(count, effect.count()),
                boundedSum(gross, effect.gross()),
                boundedSum(refunds, effect.refunds()),
                boundedSum(chargebacks, effect.chargebacks()),
                boundedSum(fees, effect.fees()),
                boundedSum(commission, effect.commission()),
                boundedSum(paidOut, effect.paidOut()),
                (int) Math.min(Integer.MAX_VALUE, (long) payouts + effect.payouts()));
    }

    /**
     * Whether every figure is what its name says: no sum stopped at its bound ({@link Long#MAX_VALUE},
     * {@link Integer#MAX_VALUE} for {@code payouts}) and {@link #due} (hence {@link #net}) above
     * {@link Long#MIN_VALUE}. A row out of range is shown as it is and never paid from.
     */
    public boolean inRange() {
        return count < Long.MAX_VALUE
                && gross < Long.MAX_VALUE
                && refunds < Long.MAX_VALUE
                && chargebacks < Long.MAX_VALUE
                && fees < Long.MAX_VALUE
                && commission < Long.MAX_VALUE
                && paidOut < Long.MAX_VALUE
                && payouts < Integer.MAX_VALUE
                && due() > Long.MIN_VALUE;
    }

    /**
     * {@code gross - refunds - chargebacks - fees}; negative when refunds and fees outweigh sales;
     * {@link Long#MIN_VALUE} when it would be lower.
     */
    public long net() {
        return boundedDifference(boundedDifference(gross - refunds, chargebacks), fees);
    }

    /**
     * What a settlement run would still pay: {@code net - paidOut} (paid only when > 0);
     * {@link Long#MIN_VALUE} when it would be lower.
     */
    public long due() {
        return boundedDifference(net(), paidOut);
    }

    /** PAID when {@code net > 0} and {@code paidOut >= net}, else OPEN. */
    public SettlementStatus status() {
        long net = net();
        return net > 0 && paidOut >= net ? SettlementStatus.PAID : SettlementStatus.OPEN;
    }

    /** {@code a + b} for {@code a, b >= 0}, or {@link Long#MAX_VALUE} when it would be more. */
    private static long boundedSum(long a, long b) {
        return b > Long.MAX_VALUE - a ? Long.MAX_VALUE : a + b;
    }

    /**
     * {@code a - b} for {@code b >= 0}, or {@link Long#MIN_VALUE} when it would be less: subtracting
     * non-negative figures only moves down, so stopping at each step gives the bound of the whole.
     */
    private static long boundedDifference(long a, long b) {
        return a < Long.MIN_VALUE + b ? Long.MIN_VALUE : a - b;
    }

    public MerchantId merchantId() {
        return key.merchantId();
    }

    /** The row as the {@code ledger.settlements} topic and the query API carry it. */
    public SettlementRow toAvro() {
        return new SettlementRow(
                key.merchantId().value(),
                key.businessDate(),
                key.currency().code(),
                count,
                gross,
                refunds,
                chargebacks,
                fees,
                commission,
                net(),
                paidOut,
                payouts,
                status());
    }

    /**
     * Reads a row back, checking that its {@code net} and {@code status} follow from its sums.
     *
     * @throws IllegalArgumentException when a field is invalid or inconsistent
     */
    public static DailySettlement fromAvro(SettlementRow row) {
        DailySettlement settlement = new DailySettlement(
                new SettlementKey(
                        new MerchantId(row.getMerchantId()), row.getBusinessDate(), CurrencyCode.of(row.getCurrency())),
                row.getCount(),
                row.getGross(),
                row.getRefunds(),
                row.getChargebacks(),
                row.getFees(),
                row.getCommission(),
                row.getPaidOut(),
                row.getPayouts());
        if (settlement.net() != row.getNet() || settlement.status() != row.getStatus()) {
            throw new IllegalArgumentException("settlement row " + settlement.key() + " carries net " + row.getNet()
                    + " and status " + row.getStatus() + " but its sums give net " + settlement.net()
                    + " and status " + settlement.status());
        }
        return settlement;
    }
}
