package org.kleline.ledger.ingest.settle;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * Every merchant's settlement row of one business date, as a settlement run must read them: rows
 * that include every event appended to {@code ledger.events} before the call. The rows are built
 * one stage after each event's outcome, so a row read at once may lack an outcome already visible
 * (a refund, a chargeback) and a payout from it would pay too much; an implementation waits
 * (bounded) until the projector has applied everything appended before the call.
 *
 * <p>The query module implements it over the projector's stores behind the projector's catch-up
 * barrier; an ingest running apart asks a node's query API to do the same.
 */
@FunctionalInterface
public interface SettlementRows {

    /**
     * The rows of {@code businessDate}, in any order, once they include every event appended before
     * this call. Fails with {@link org.kleline.ledger.web.problem.UnavailableException} (503 with
     * {@code Retry-After}) when the projector is behind or the rows cannot be read whole now: never a
     * partial or stale list.
     */
    CompletableFuture<List<SettlementRow>> rowsOn(LocalDate businessDate);
}
