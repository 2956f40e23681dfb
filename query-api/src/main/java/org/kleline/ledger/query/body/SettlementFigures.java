package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.kleline.ledger.query.figures.FigureOutOfRangeException;

/**
 * The sums of some settlement rows (a day's, a merchant's, a partner's, a period's), in minor units:
 * the row's figures added, and how many rows were added ({@code rows}).
 */
@JsonPropertyOrder({
    "rows",
    "count",
    "gross",
    "refunds",
    "chargebacks",
    "fees",
    "commission",
    "net",
    "paidOut",
    "payouts"
})
public record SettlementFigures(
        long rows,
        long count,
        long gross,
        long refunds,
        long chargebacks,
        long fees,
        long commission,
        long net,
        long paidOut,
        long payouts) {

    public static final SettlementFigures NONE = new SettlementFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures of one row. */
    public static SettlementFigures of(SettlementRowBody row) {
        return new SettlementFigures(
                1,
                row.count(),
                row.gross(),
                row.refunds(),
                row.chargebacks(),
                row.fees(),
                row.commission(),
                row.net(),
                row.paidOut(),
                row.payouts());
    }

    /** The sums of both; a 422 naming the figure of {@code what} when one passes the range of a long. */
    public SettlementFigures plus(SettlementFigures o, String what) {
        return new SettlementFigures(
                FigureOutOfRangeException.add(rows, o.rows, "the rows of " + what),
                FigureOutOfRangeException.add(count, o.count, "the count of " + what),
                FigureOutOfRangeException.add(gross, o.gross, "the gross of " + what),
                FigureOutOfRangeException.add(refunds, o.refunds, "the refunds of " + what),
                FigureOutOfRangeException.add(chargebacks, o.chargebacks, "the chargebacks of " + what),
                FigureOutOfRangeException.add(fees, o.fees, "the fees of " + what),
                FigureOutOfRangeException.add(commission, o.commission, "the commission of " + what),
                FigureOutOfRangeException.add(net, o.net, "the net of " + what),
                FigureOutOfRangeException.add(paidOut, o.paidOut, "the paid out of " + what),
                FigureOutOfRangeException.add(payouts, o.payouts, "the payouts of " + what));
    }
}
