package org.kleline.ledger.query.reads;

import java.util.List;
import org.kleline.ledger.query.body.DayFigures;
import org.kleline.ledger.query.body.MerchantFigures;
import org.kleline.ledger.query.body.SettlementRowBody;

/**
 * One instance's part of a period's settlement summary: its rows summed per date and currency and per
 * merchant and currency (without names: the merchants store is read apart), how many of its rows are
 * OPEN, and the earliest of them (at most {@link SettlementSums#OPEN_SHOWN}).
 */
public record SettlementSummaryPart(
        List<DayFigures> days, List<MerchantFigures> merchants, long openRows, List<SettlementRowBody> open) {

    public SettlementSummaryPart {
        days = List.copyOf(days);
        merchants = List.copyOf(merchants);
        open = List.copyOf(open);
    }
}
