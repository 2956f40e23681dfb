package org.kleline.ledger.query.views;

import java.time.LocalDate;
import java.util.List;
import org.kleline.ledger.ingest.settle.SettlementRows;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * Ingest's rows of a business date for a settlement run: every merchant's, gathered from every
 * node, in merchantId order. Throws {@link org.kleline.ledger.web.problem.UnavailableException} when
 * some partition cannot be read now: settling on part of the rows would pay part of the merchants.
 */
public final class ViewsSettlementRows implements SettlementRows {

    private final LedgerViews views;

    public ViewsSettlementRows(LedgerViews views) {
        this.views = views;
    }

    @Override
    public List<SettlementRow> rowsOn(LocalDate businessDate) {
        return views.settlementsOn(businessDate).stream().map(SettlementRowBody::toAvro).toList();
    }
}
