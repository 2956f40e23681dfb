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
public record DailySettlement(SettlementKey key, long count, long gross, long refunds, long chargebacks,
                              long fees, long commission, long paidOut, int payouts) {

    public DailySettlement {
        Objects.requireNonNull(key, "key");
        if (count < 0 || gross < 0 || refunds < 0 || chargebacks < 0 || fees < 0 || commission < 0
                || paidOut < 0 || payouts < 0) {
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
     * This row with {@code effect} added.
     *
     * @throws IllegalArgumentException when the effect belongs to another row
     * @throws ArithmeticException      when a sum leaves the range of a long
     */
    public DailySettlement apply(SettlementEffect effect) {
        if (!effect.key().equals(key)) {
            throw new IllegalArgumentException("effect on " + effect.key() + " applied to row " + key);
        }
        return new DailySettlement(key,
                Math.addExact(count, effect.count()),
                Math.addExact(gross, effect.gross()),
                Math.addExact(refunds, effect.refunds()),
                Math.addExact(chargebacks, effect.chargebacks()),
                Math.addExact(fees, effect.fees()),
                Math.addExact(commission, effect.commission()),
                Math.addExact(paidOut, effect.paidOut()),
                Math.addExact(payouts, effect.payouts()));
    }

    /** {@code gross - refunds - chargebacks - fees}; negative when refunds and fees outweigh sales. */
    public long net() {
        return Math.subtractExact(Math.subtractExact(Math.subtractExact(gross, refunds), chargebacks), fees);
    }

    /** What a settlement run would still pay: {@code net - paidOut} (paid only when > 0). */
    public long due() {
        return Math.subtractExact(net(), paidOut);
    }

    /** PAID when {@code net > 0} and {@code paidOut >= net}, else OPEN. */
    public SettlementStatus status() {
        long net = net();
        return net > 0 && paidOut >= net ? SettlementStatus.PAID : SettlementStatus.OPEN;
    }

    public MerchantId merchantId() {
        return key.merchantId();
    }

    /** The row as the {@code ledger.settlements} topic and the query API carry it. */
    public SettlementRow toAvro() {
        return new SettlementRow(key.merchantId().value(), key.businessDate(), key.currency().code(), count, gross,
                refunds, chargebacks, fees, commission, net(), paidOut, payouts, status());
    }

    /**
     * Reads a row back, checking that its {@code net} and {@code status} follow from its sums.
     *
     * @throws IllegalArgumentException when a field is invalid or inconsistent
     */
    public static DailySettlement fromAvro(SettlementRow row) {
        DailySettlement settlement = new DailySettlement(
                new SettlementKey(new MerchantId(row.getMerchantId()), row.getBusinessDate(),
                        CurrencyCode.of(row.getCurrency())),
                row.getCount(), row.getGross(), row.getRefunds(), row.getChargebacks(), row.getFees(),
                row.getCommission(), row.getPaidOut(), row.getPayouts());
        if (settlement.net() != row.getNet() || settlement.status() != row.getStatus()) {
            throw new IllegalArgumentException("settlement row " + settlement.key() + " carries net " + row.getNet()
                    + " and status " + row.getStatus() + " but its sums give net " + settlement.net()
                    + " and status " + settlement.status());
        }
        return settlement;
    }
}
