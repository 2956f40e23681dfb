package org.kleline.ledger.cli.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads on a thread of its own while the caller's thread uses what was read: for a log whose reading
 * (fetching, deserializing) takes about as long as what is done with each record. Items reach the
 * caller in the order they were read, in batches of {@link #BATCH}, with at most
 * {@link #BATCHES_QUEUED_MAX} batches waiting; past that the reading waits. A failure on either side
 * stops both and is thrown to the caller: the reading's as it was thrown, after the items read before it.
 *
 * @param <T> what is read
 */
final class ReadAhead<T> {

    /** Items a batch hands from the reading thread to the caller's. */
    static final int BATCH = 1_000;
    /** Batches waiting to be used at most. */
    static final int BATCHES_QUEUED_MAX = 16;
    /** How long a caller that failed waits for the reading to stop before going on (and closing its source). */
    static final Duration READER_STOP_WAIT = Duration.ofSeconds(10);

    /** What the reading thread runs: it hands each item to the given consumer, in order. */
    interface Source<T> {
        void readInto(Consumer<T> sink);
    }

    private final String threadName;

    ReadAhead(String threadName) {
        this.threadName = threadName;
    }

    /** Runs {@code source} on a thread of its own and hands every item it reads to {@code use}, on this thread. */
    void run(Source<T> source, Consumer<T> use) {
        BlockingQueue<List<T>> read = new ArrayBlockingQueue<>(BATCHES_QUEUED_MAX);
        AtomicReference<RuntimeException> readFailure = new AtomicReference<>();
        Thread reading = new Thread(() -> read(source, read, readFailure), threadName);
        reading.setDaemon(true);
        reading.start();
        try {
            while (true) {
                List<T> batch = read.take();
                if (batch.isEmpty()) {
                    break;
                }
                batch.forEach(use);
            }
            reading.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditFailure("interrupted while waiting for " + threadName, e);
        } finally {
            stop(reading);
        }
        if (readFailure.get() != null) {
            throw readFailure.get();
        }
    }

    /** The reading side: batches of items, then an empty batch (after a failure too). */
    private static <T> void read(
            Source<T> source, BlockingQueue<List<T>> read, AtomicReference<RuntimeException> failure) {
        List<T> batch = new ArrayList<>(BATCH);
        try {
            source.readInto(item -> {
                batch.add(item);
                if (batch.size() == BATCH) {
                    hand(read, List.copyOf(batch));
                    batch.clear();
                }
            });
        } catch (RuntimeException e) {
            failure.set(e);
        }
        try {
            if (!batch.isEmpty()) {
                read.put(List.copyOf(batch));
            }
            read.put(List.of());
        } catch (InterruptedException e) {
            // The caller gave up and takes nothing more: no one to tell.
            Thread.currentThread().interrupt();
        }
    }

    private static <T> void hand(BlockingQueue<List<T>> read, List<T> batch) {
        try {
            read.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditFailure("the reading was stopped: its user gave up", e);
        }
    }

    /** Stops the reading after a failure of the caller, and waits for it to let go of its source. */
    private static void stop(Thread reading) {
        if (!reading.isAlive()) {
            return;
        }
        reading.interrupt();
        try {
            reading.join(READER_STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
