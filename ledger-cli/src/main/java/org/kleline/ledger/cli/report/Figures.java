package org.kleline.ledger.cli.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sums of settlement rows (docs/domain.md, "Settlement"), in minor units of one currency: payments
 * counted, their gross, refunds, chargebacks, fees (commission inside), net and what was paid out.
 */
public record Figures(
        long count, long gross, long refunds, long chargebacks, long fees, long commission, long net, long paidOut) {

    public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures of one row of {@code GET /v1/settlements/{date}}. */
    public static Figures ofRow(JsonNode row) {
        return new Figures(
                row.get("count").asLong(),
                row.get("gross").asLong(),
                row.get("refunds").asLong(),
                row.get("chargebacks").asLong(),
                row.get("fees").asLong(),
                row.get("commission").asLong(),
                row.get("net").asLong(),
                row.get("paidOut").asLong());
    }

    public Figures plus(Figures other) {
        return new Figures(
                Math.addExact(count, other.count),
                Math.addExact(gross, other.gross),
                Math.addExact(refunds, other.refunds),
                Math.addExact(chargebacks, other.chargebacks),
                Math.addExact(fees, other.fees),
                Math.addExact(commission, other.commission),
                Math.addExact(net, other.net),
                Math.addExact(paidOut, other.paidOut));
    }

    /** The amounts, in column order (count excluded). */
    long[] amounts() {
        return new long[] {gross, refunds, chargebacks, fees, commission, net, paidOut};
    }
}
