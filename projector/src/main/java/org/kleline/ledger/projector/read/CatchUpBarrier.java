package org.kleline.ledger.projector.read;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.kleline.ledger.projector.progress.ProjectorProgress;
import org.kleline.ledger.projector.topics.ProjectorTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the projector's settlement rows include every event appended to {@code ledger.events}
 * before the call: what a settlement run must read, since a row built one stage after the decision
 * can lag the event's outcome (a refund decided but not yet in its merchant's row would be paid out).
 *
 * <ol>
 *   <li>Read the end offset of every partition of {@code ledger.events}: the high watermark, so every
 *       record acknowledged before the call lies below it. Not the last stable offset: an open
 *       transaction's first record caps it, and a record acknowledged after that one would be left out.</li>
 *   <li>Poll until the application's committed offsets reach them. Under {@code exactly_once_v2} an
 *       input offset commits in the transaction that wrote the event's outputs, so every settlement
 *       effect of those events is then in {@code <app>-settlement-effects-repartition}.</li>
 *   <li>Read that topic's end offsets, and poll until the committed offsets reach them too: the
 *       settlement stage has applied every effect to its stores.</li>
 * </ol>
 * A committed offset can stay below an end offset with nothing left to process: Streams commits past
 * transaction markers and aborted records only once its task has consumed a record since it started.
 * A partition whose committed offset has not moved for {@code stall} is probed
 * ({@link ProjectorProgress#holdsRecords}) and counts as reached when nothing but those lies below
 * its end.
 *
 * <p>Polls run on the barrier's one scheduler thread, from 10 ms backing off to 250 ms, so a waiting
 * caller holds no thread (an HTTP request answers from the future). The whole wait is bounded by
 * {@code bound} (each Kafka call within it, at most 5 s); past it the future fails with
 * {@link ProjectorBehindException} naming the partitions behind.
 *
 * <p>Callers share polls: a caller joins the wait that has not read the log's end yet, if there is one
 * (its end offsets, read after the call, are as good as its own), so a burst of a thousand
 * {@code ?caughtUp=true} reads asks the brokers as often as one does. And they are bounded: past
 * {@code waitersMax} callers waiting at once, a new one fails at once with
 * {@link ProjectorBehindException} (a 503 with {@code Retry-After}) rather than queue.
 */
public final class CatchUpBarrier implements AutoCloseable {

    /** Long enough for a projector working through a burst; short enough for an HTTP answer. */
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(30);
    /** Ten of the projector's 100 ms commit intervals: a committed offset this still is not moving. */
    public static final Duration DEFAULT_STALL = Duration.ofSeconds(1);

    static final Duration FIRST_POLL = Duration.ofMillis(10);
    static final Duration LONGEST_POLL = Duration.ofMillis(250);
    static final Duration CALL_TIMEOUT_MAX = Duration.ofSeconds(5);
    private static final int PARTITIONS_NAMED_MAX = 5;
    /** Each waiter is a future, no thread; the bound keeps a stuck projector from collecting requests without end. */
    public static final int DEFAULT_WAITERS_MAX = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(CatchUpBarrier.class);

    /** The end offsets the projector was found to have reached, and how long that took. */
    public record CaughtUp(Map<TopicPartition, Long> eventsEnd, Map<TopicPartition, Long> effectsEnd, Duration waited) {
        public CaughtUp {
            eventsEnd = Map.copyOf(eventsEnd);
            effectsEnd = Map.copyOf(effectsEnd);
            Objects.requireNonNull(waited, "waited");
        }
    }

    private final ProjectorProgress progress;
    private final String eventsTopic;
    private final String effectsTopic;
    private final Duration bound;
    private final Duration stall;
    private final ScheduledExecutorService scheduler;
    private final Set<Run> running = ConcurrentHashMap.newKeySet();
    private final int waitersMax;
    private final AtomicInteger waiters = new AtomicInteger();
    /** The wait that has not read the log's end yet, which new callers join; guarded by this. */
    private Run next;

    /**
     * @param eventsTopic  the log the projector reads ({@code ledger.events})
     * @param effectsTopic the settlement stage's input, written by the decide stage
     * @param bound        the longest a {@link #whenCaughtUp()} waits
     * @param stall        how long a committed offset below its target stays still before it is probed
     */
    public CatchUpBarrier(
            ProjectorProgress progress, String eventsTopic, String effectsTopic, Duration bound, Duration stall) {
        this(progress, eventsTopic, effectsTopic, bound, stall, DEFAULT_WAITERS_MAX);
    }

    /** @param waitersMax the most callers waiting at once; past it a call fails at once */
    public CatchUpBarrier(
            ProjectorProgress progress,
            String eventsTopic,
            String effectsTopic,
            Duration bound,
            Duration stall,
            int waitersMax) {
        if (waitersMax < 1) {
            throw new IllegalArgumentException("waitersMax must be >= 1, was " + waitersMax);
        }
        this.waitersMax = waitersMax;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.eventsTopic = requireText("eventsTopic", eventsTopic);
        this.effectsTopic = requireText("effectsTopic", effectsTopic);
        this.bound = requirePositive("bound", bound);
        this.stall = requirePositive("stall", stall);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ledger-catch-up-barrier");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The barrier of the projector application {@code applicationId}, with the default bound and stall. */
    public static CatchUpBarrier forApplication(ProjectorProgress progress, String applicationId) {
        return new CatchUpBarrier(
                progress,
                ProjectorTopics.EVENTS,
                ProjectorTopics.settlementEffectsTopic(applicationId),
                DEFAULT_BOUND,
                DEFAULT_STALL);
    }

    /**
     * Completes once the settlement stage has applied every event appended to the log before this
     * call; fails with {@link ProjectorBehindException} when that takes longer than the bound or the
     * progress cannot be read.
     */
    public CompletableFuture<CaughtUp> whenCaughtUp() {
        if (waiters.incrementAndGet() > waitersMax) {
            waiters.decrementAndGet();
            return CompletableFuture.failedFuture(new ProjectorBehindException("too many reads are waiting for the "
                    + "projector to catch up (at most " + waitersMax + "); retry shortly"));
        }
        Run started = null;
        CompletableFuture<CaughtUp> mine;
        synchronized (this) {
            if (next == null || next.result.isDone()) {
                Run run = new Run();
                running.add(run);
                run.result.whenComplete((caughtUp, failure) -> running.remove(run));
                next = run;
                started = run;
            }
            // A copy: a caller that cancels or times out its future leaves the others' alone.
            mine = next.result.copy();
        }
        mine.whenComplete((caughtUp, failure) -> waiters.decrementAndGet());
        if (started != null) {
            started.schedule(Duration.ZERO);
        }
        return mine;
    }

    /** How many callers wait now (for metrics and tests). */
    public int waiting() {
        return waiters.get();
    }

    /** {@link #whenCaughtUp()}, blocking the caller (at most the bound): for callers without a future to answer from. */
    public CaughtUp awaitCaughtUp() {
        try {
            return whenCaughtUp().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProjectorBehindException behind) {
                throw behind;
            }
            throw new ProjectorBehindException("the catch-up barrier failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProjectorBehindException("interrupted while waiting for the projector to catch up", e);
        }
    }

    public Duration bound() {
        return bound;
    }

    /** Stops polling; a wait still under way fails. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        for (Run run : running) {
            run.result.completeExceptionally(new ProjectorBehindException("the projector is shutting down"));
        }
    }

    /** One topic's targets, and what was seen of each partition not yet reached. */
    private static final class Stage {
        final String topic;
        final Map<TopicPartition, Long> targets;
        final Map<TopicPartition, Long> remaining = new HashMap<>();
        final Map<TopicPartition, Long> seenOffset = new HashMap<>();
        final Map<TopicPartition, Long> seenSinceNs = new HashMap<>();

        Stage(String topic, Map<TopicPartition, Long> targets) {
            this.topic = topic;
            this.targets = Map.copyOf(targets);
            targets.forEach((partition, end) -> {
                if (end > 0) {
                    remaining.put(partition, end);
                }
            });
        }
    }

    /** One wait: steps run one at a time on the scheduler thread, so its fields need no locking. */
    private final class Run {
        final CompletableFuture<CaughtUp> result = new CompletableFuture<>();
        final long startNs = System.nanoTime();
        final long deadlineNs = startNs + bound.toNanos();
        Duration backoff = FIRST_POLL;
        Stage stage;
        Map<TopicPartition, Long> eventsEnd;
        RuntimeException lastError;

        void schedule(Duration delay) {
            try {
                scheduler.schedule(this::step, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new ProjectorBehindException("the projector is shutting down", e));
            }
        }

        void step() {
            if (result.isDone()) {
                return;
            }
            try {
                if (stage == null) {
                    // From here on the log's end is being read: later callers need a wait of their own.
                    synchronized (CatchUpBarrier.this) {
                        if (next == this) {
                            next = null;
                        }
                    }
                    stage = new Stage(eventsTopic, progress.endOffsets(eventsTopic, callTimeout()));
                }
                advance();
                while (stage.remaining.isEmpty()) {
                    if (eventsEnd != null) {
                        finish();
                        return;
                    }
                    eventsEnd = stage.targets;
                    stage = new Stage(effectsTopic, progress.endOffsets(effectsTopic, callTimeout()));
                    advance();
                }
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e;
                LOG.debug("catch-up barrier could not read the projector's progress; retrying", e);
            }
            long leftNs = deadlineNs - System.nanoTime();
            if (leftNs <= 0) {
                result.completeExceptionally(behind());
                return;
            }
            schedule(Duration.ofNanos(Math.min(backoff.toNanos(), leftNs)));
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : doubled;
        }

        private void advance() {
            if (stage.remaining.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> committed =
                    progress.committedOffsets(Set.copyOf(stage.remaining.keySet()), callTimeout());
            long nowNs = System.nanoTime();
            for (Map.Entry<TopicPartition, Long> target :
                    Map.copyOf(stage.remaining).entrySet()) {
                TopicPartition partition = target.getKey();
                long at = committed.getOrDefault(partition, 0L);
                if (at >= target.getValue()) {
                    stage.remaining.remove(partition);
                } else if (!Long.valueOf(at).equals(stage.seenOffset.put(partition, at))) {
                    stage.seenSinceNs.put(partition, nowNs);
                } else if (nowNs - stage.seenSinceNs.get(partition) >= stall.toNanos()) {
                    if (progress.holdsRecords(partition, at, target.getValue(), callTimeout())) {
                        stage.seenSinceNs.put(partition, nowNs);
                    } else {
                        LOG.debug(
                                "{} holds only transaction markers or aborted records in [{}, {}): reached",
                                partition,
                                at,
                                target.getValue());
                        stage.remaining.remove(partition);
                    }
                }
            }
        }

        private void finish() {
            Duration waited = Duration.ofNanos(System.nanoTime() - startNs);
            LOG.debug("projector caught up with {} and {} in {} ms", eventsTopic, effectsTopic, waited.toMillis());
            result.complete(new CaughtUp(eventsEnd, stage.targets, waited));
        }

        private Duration callTimeout() {
            long leftNs = Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadlineNs - System.nanoTime());
            return Duration.ofNanos(Math.min(leftNs, CALL_TIMEOUT_MAX.toNanos()));
        }

        private ProjectorBehindException behind() {
            String after = "after " + bound.toMillis() + " ms";
            if (stage == null) {
                return new ProjectorBehindException(
                        "the projector's progress could not be read " + after + ": " + lastError, lastError);
            }
            String lagging = stage.remaining.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(TopicPartition::partition)))
                    .limit(PARTITIONS_NAMED_MAX)
                    .map(e -> "partition " + e.getKey().partition() + " read to "
                            + stage.seenOffset.getOrDefault(e.getKey(), 0L) + " of " + e.getValue())
                    .collect(Collectors.joining(", "));
            String more = stage.remaining.size() > PARTITIONS_NAMED_MAX
                    ? " and " + (stage.remaining.size() - PARTITIONS_NAMED_MAX) + " more"
                    : "";
            String unreadable = lastError == null ? "" : "; its progress could not be read: " + lastError;
            return new ProjectorBehindException(
                    "the projector is behind the log " + after + ": " + stage.topic + " " + lagging + more + unreadable,
                    lastError);
        }
    }

    private static String requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be a topic name, was '" + value + "'");
        }
        return value;
    }

    private static Duration requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
