package org.kleline.ledger.cli.settle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Settles several dates at once, handing each date's payouts on in date order. Dates are independent
 * (a date's payouts come from that date's rows only, and their payoutIds make a repeat DUPLICATE), and
 * the server settles a date only once its projector has caught up with everything appended before the
 * request, a wait of a few hundred milliseconds after the previous date's payouts: one date at a time,
 * a year spends most of its time in that wait.
 *
 * <p>After a failure no new date is started; the dates already under way finish and are handed on,
 * then the first failure is thrown (settling the range again pays nothing twice).
 */
final class ConcurrentSettlements {

    static final int IN_FLIGHT_MAX = 64;

    private final int inFlight;
    private final Function<LocalDate, List<SettledPayout>> settleOne;

    ConcurrentSettlements(int inFlight, Function<LocalDate, List<SettledPayout>> settleOne) {
        if (inFlight < 1 || inFlight > IN_FLIGHT_MAX) {
            throw new IllegalArgumentException("--concurrency must be 1.." + IN_FLIGHT_MAX + ", got " + inFlight);
        }
        this.inFlight = inFlight;
        this.settleOne = settleOne;
    }

    /** Settles every date, calling {@code settled} with each date's payouts in date order, on this thread. */
    void settle(List<LocalDate> dates, BiConsumer<LocalDate, List<SettledPayout>> settled) {
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(inFlight, Math.max(1, dates.size())), task -> {
            Thread thread = new Thread(task, "ledger-settle");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<SettledPayout>>> runs = new ArrayList<>(dates.size());
            for (LocalDate date : dates) {
                runs.add(pool.submit(() -> {
                    if (failed.get()) {
                        return null;
                    }
                    try {
                        return settleOne.apply(date);
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            RuntimeException first = null;
            for (int i = 0; i < dates.size(); i++) {
                try {
                    List<SettledPayout> payouts = runs.get(i).get();
                    if (payouts != null) {
                        settled.accept(dates.get(i), payouts);
                    }
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r
                                ? r
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while settling", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
