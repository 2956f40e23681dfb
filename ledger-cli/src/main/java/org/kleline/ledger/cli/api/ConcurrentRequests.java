package org.kleline.ledger.cli.api;

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
 * Makes one request per item, a few at once, and hands each answer on in the order of the items, on the
 * caller's thread: a command reading 365 dates or a thousand merchants one after the other spends its
 * time waiting for each answer in turn, and the server answers several at once as cheaply as one.
 *
 * <p>A request that answers {@code null} has nothing to hand on. After a failure no new request is
 * started; the ones already under way finish and are handed on, then the first failure is thrown.
 *
 * @param <T> what a request is about (a date, a merchant)
 * @param <R> its answer
 */
public final class ConcurrentRequests<T, R> {

    /** More at once than this only queues on the server's request admission. */
    public static final int IN_FLIGHT_MAX = 64;

    private final int inFlight;
    private final String threadName;
    private final Function<T, R> request;

    /**
     * @param inFlight how many requests at once, 1 to {@link #IN_FLIGHT_MAX}
     * @param threadName names the threads that wait for the answers
     * @param request one request, on one of those threads
     */
    public ConcurrentRequests(int inFlight, String threadName, Function<T, R> request) {
        if (inFlight < 1 || inFlight > IN_FLIGHT_MAX) {
            throw new IllegalArgumentException("--concurrency must be 1.." + IN_FLIGHT_MAX + ", got " + inFlight);
        }
        this.inFlight = inFlight;
        this.threadName = threadName;
        this.request = request;
    }

    /** Requests every item, calling {@code answered} with each item and its answer in the items' order. */
    public void run(List<T> items, BiConsumer<T, R> answered) {
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(inFlight, Math.max(1, items.size())), task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> requests = new ArrayList<>(items.size());
            for (T item : items) {
                requests.add(pool.submit(() -> {
                    if (failed.get()) {
                        return null;
                    }
                    try {
                        return request.apply(item);
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            RuntimeException first = null;
            for (int i = 0; i < items.size(); i++) {
                try {
                    R answer = requests.get(i).get();
                    if (answer != null) {
                        answered.accept(items.get(i), answer);
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
            throw new IllegalStateException("interrupted while waiting for " + threadName, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
