package org.kleline.ledger.query.settle;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.kleline.ledger.ingest.settle.SettlementRows;
import org.kleline.ledger.projector.read.CatchUpBarrier;
import org.kleline.ledger.projector.read.ProjectorBehindException;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.query.views.LedgerViews;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.web.problem.UnavailableException;

/**
 * Every merchant's settlement rows of a date as a settlement run must read them: behind the
 * projector's {@link CatchUpBarrier}, so they include every event appended to ledger.events before
 * the call, then gathered from every instance like {@code GET /v1/settlements/{date}}. Ingest's
 * {@link SettlementRows} in the same process, and {@code GET /v1/settlements/{date}?caughtUp=true}
 * for an ingest running apart.
 *
 * <p>Fails with {@link UnavailableException} (503) when the projector is behind after the barrier's
 * bound ({@link #BEHIND_RETRY_AFTER}), when a partition cannot be read now, and on a node without a
 * barrier: never rows that may lack an event already appended.
 */
public final class CaughtUpSettlements implements SettlementRows {

    /** A projector behind by more than the barrier's 30 s has a backlog: no use retrying at once. */
    public static final Duration BEHIND_RETRY_AFTER = Duration.ofSeconds(5);

    private final LedgerViews views;
    private final Optional<CatchUpBarrier> barrier;
    private final Executor reads;

    /**
     * @param barrier empty on a node that cannot tell how far its projector has read (every call is a 503)
     * @param reads   runs the gather once the barrier is passed (it may block on other nodes, so not on
     *                the barrier's own thread)
     */
    public CaughtUpSettlements(LedgerViews views, Optional<CatchUpBarrier> barrier, Executor reads) {
        this.views = views;
        this.barrier = barrier;
        this.reads = reads;
    }

    /** The rows of {@code date}, by merchantId then currency, once they include everything appended before this call. */
    public CompletableFuture<List<SettlementRowBody>> bodiesOn(LocalDate date) {
        if (barrier.isEmpty()) {
            return CompletableFuture.failedFuture(new UnavailableException("this node cannot tell whether its "
                    + "settlement rows include every event appended (no catch-up barrier); ask a projector node"));
        }
        return barrier.get()
                .whenCaughtUp()
                .exceptionally(failure -> {
                    throw new CompletionException(unavailable(failure));
                })
                .thenApplyAsync(caughtUp -> views.settlementsOn(date), reads);
    }

    @Override
    public CompletableFuture<List<SettlementRow>> rowsOn(LocalDate businessDate) {
        return bodiesOn(businessDate)
                .thenApply(rows -> rows.stream().map(SettlementRowBody::toAvro).toList());
    }

    private static RuntimeException unavailable(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ProjectorBehindException behind) {
            return new UnavailableException(behind.getMessage(), BEHIND_RETRY_AFTER, behind);
        }
        return new UnavailableException(
                "could not tell whether the settlement rows are caught up: " + cause, BEHIND_RETRY_AFTER, cause);
    }
}
