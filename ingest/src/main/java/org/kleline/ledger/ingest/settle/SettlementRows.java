package org.kleline.ledger.ingest.settle;

import java.time.LocalDate;
import java.util.List;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * Every merchant's settlement row of one business date, as the query side holds them. Settling a
 * date reads them here; the query module implements it from the projector's settlement store.
 */
@FunctionalInterface
public interface SettlementRows {

    List<SettlementRow> rowsOn(LocalDate businessDate);
}
