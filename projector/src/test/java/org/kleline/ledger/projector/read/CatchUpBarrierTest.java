package org.kleline.ledger.projector.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.projector.progress.ProjectorProgress;
import org.kleline.ledger.projector.read.CatchUpBarrier.CaughtUp;

/** The catch-up barrier's rules on offsets a test sets by hand: what it waits for, in which order, and when it gives up. */
class CatchUpBarrierTest {

    private static final String EVENTS = "ledger.events";
    private static final String EFFECTS = "app-settlement-effects-repartition";
    /** Long enough that no test's wait reaches it unless the test means it to. */
    private static final Duration LONG = Duration.ofMinutes(1);

    private static final Duration SHORT = Duration.ofMillis(300);

    private final FakeProgress progress = new FakeProgress();
    private CatchUpBarrier barrier;

    @AfterEach
    void close() {
        if (barrier != null) {
            barrier.close();
        }
    }

    private CatchUpBarrier barrier(Duration bound, Duration stall) {
        barrier = new CatchUpBarrier(progress, EVENTS, EFFECTS, bound, stall);
        return barrier;
    }

    private static CaughtUp caughtUp(CompletableFuture<CaughtUp> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static ProjectorBehindException behind(CompletableFuture<CaughtUp> future) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertThat(failed.getCause()).isInstanceOf(ProjectorBehindException.class);
        return (ProjectorBehindException) failed.getCause();
    }

    @Test
    void settlementRowsWaitForTheLogThenForTheEffectsTheDecideStageWroteMeanwhile() throws Exception {
        progress.readTo(EVENTS, 0, 10).end(EVENTS, 1, 5).commit(EVENTS, 1, 3).readTo(EFFECTS, 0, 7);
        CompletableFuture<CaughtUp> future = barrier(LONG, LONG).whenCaughtUp();

        await().atMost(Duration.ofSeconds(10)).until(() -> progress.count("committed " + EVENTS) >= 2);
        assertThat(future).isNotDone();
        assertThat(progress.count("end " + EFFECTS)).isZero();

        // The decide stage commits partition 1, and with it the two effects it wrote.
        progress.end(EFFECTS, 0, 9).commit(EVENTS, 1, 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> progress.count("committed " + EFFECTS) >= 2);
        assertThat(future).isNotDone();

        progress.commit(EFFECTS, 0, 9);
        CaughtUp reached = caughtUp(future);
        assertThat(reached.eventsEnd())
                .isEqualTo(Map.of(new TopicPartition(EVENTS, 0), 10L, new TopicPartition(EVENTS, 1), 5L));
        assertThat(reached.effectsEnd()).isEqualTo(Map.of(new TopicPartition(EFFECTS, 0), 9L));
        assertThat(progress.calls()).startsWith("end " + EVENTS, "committed " + EVENTS);
        assertThat(progress.calls().indexOf("end " + EFFECTS))
                .isGreaterThan(progress.calls().lastIndexOf("committed " + EVENTS));
    }

    @Test
    void theLogsEndIsTakenWhenTheBarrierIsAskedNotWhenItIsReached() throws Exception {
        progress.end(EVENTS, 0, 4).commit(EVENTS, 0, 2);
        CompletableFuture<CaughtUp> future = barrier(LONG, LONG).whenCaughtUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> progress.count("committed " + EVENTS) >= 1);

        // Appended after the call: not waited for.
        progress.end(EVENTS, 0, 50).commit(EVENTS, 0, 4);

        assertThat(caughtUp(future).eventsEnd()).isEqualTo(Map.of(new TopicPartition(EVENTS, 0), 4L));
        assertThat(progress.count("end " + EVENTS)).isEqualTo(1);
    }

    @Test
    void anEmptyLogIsCaughtUpAtOnceWithoutAskingForCommittedOffsets() throws Exception {
        progress.end(EVENTS, 0, 0).end(EVENTS, 1, 0).end(EFFECTS, 0, 0);
        CaughtUp reached = caughtUp(barrier(LONG, LONG).whenCaughtUp());
        assertThat(reached.eventsEnd()).containsEntry(new TopicPartition(EVENTS, 1), 0L);
        assertThat(progress.calls()).containsExactly("end " + EVENTS, "end " + EFFECTS);
    }

    @Test
    void aProjectorStillBehindAtTheBoundFailsNamingThePartitionAndItsOffsets() {
        progress.readTo(EVENTS, 0, 10).end(EVENTS, 1, 5).commit(EVENTS, 1, 3);
        ProjectorBehindException e = behind(barrier(SHORT, LONG).whenCaughtUp());
        assertThat(e)
                .hasMessage("the projector is behind the log after 300 ms: ledger.events partition 1 read to 3 of 5");
        assertThat(progress.count("end " + EFFECTS)).isZero();
    }

    @Test
    void aPartitionNeverCommittedIsBehindFromItsStart() {
        progress.end(EVENTS, 2, 7);
        ProjectorBehindException e = behind(barrier(SHORT, LONG).whenCaughtUp());
        assertThat(e)
                .hasMessage("the projector is behind the log after 300 ms: ledger.events partition 2 read to 0 of 7");
    }

    @Test
    void settlementEffectsNotAppliedInTimeFailTheBarrierToo() {
        progress.readTo(EVENTS, 0, 3).end(EFFECTS, 1, 6).commit(EFFECTS, 1, 2);
        ProjectorBehindException e = behind(barrier(SHORT, LONG).whenCaughtUp());
        assertThat(e)
                .hasMessage("the projector is behind the log after 300 ms: " + EFFECTS + " partition 1 read to 2 of 6");
    }

    @Test
    void aStalledPartitionHoldingOnlyTransactionMarkersCountsAsReached() throws Exception {
        // A commit marker at offset 9: Streams' committed offset may rest there until new records come.
        progress.end(EVENTS, 0, 10)
                .commit(EVENTS, 0, 9)
                .holdsRecords(EVENTS, 0, false)
                .end(EFFECTS, 0, 0);
        CaughtUp reached = caughtUp(barrier(LONG, Duration.ofMillis(50)).whenCaughtUp());
        assertThat(reached.eventsEnd()).isEqualTo(Map.of(new TopicPartition(EVENTS, 0), 10L));
        assertThat(progress.calls()).contains("probe " + EVENTS + "-0 9..10");
    }

    @Test
    void aStalledPartitionThatStillHoldsRecordsIsBehind() {
        progress.end(EVENTS, 0, 10).commit(EVENTS, 0, 9).holdsRecords(EVENTS, 0, true);
        ProjectorBehindException e =
                behind(barrier(SHORT, Duration.ofMillis(50)).whenCaughtUp());
        assertThat(e)
                .hasMessage("the projector is behind the log after 300 ms: ledger.events partition 0 read to 9 of 10");
        assertThat(progress.calls()).contains("probe " + EVENTS + "-0 9..10");
    }

    @Test
    void progressUnreadableForAMomentIsAskedAgain() throws Exception {
        progress.readTo(EVENTS, 0, 2).readTo(EFFECTS, 0, 1).failNext(3);
        CaughtUp reached = caughtUp(barrier(LONG, LONG).whenCaughtUp());
        assertThat(reached.effectsEnd()).isEqualTo(Map.of(new TopicPartition(EFFECTS, 0), 1L));
    }

    @Test
    void progressUnreadableUntilTheBoundFailsSayingWhy() {
        progress.unreadable();
        ProjectorBehindException e = behind(barrier(SHORT, LONG).whenCaughtUp());
        assertThat(e)
                .hasMessage("the projector's progress could not be read after 300 ms: java.lang.IllegalStateException: "
                        + "could not read the committed offsets of group app: org.apache.kafka.common.errors.TimeoutException: "
                        + "Timed out waiting for a node assignment");
        assertThat(e).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void awaitingBlocksUntilCaughtUpAndThrowsWhenBehind() {
        progress.readTo(EVENTS, 0, 1).readTo(EFFECTS, 0, 1);
        assertThat(barrier(SHORT, LONG).awaitCaughtUp().effectsEnd()).containsEntry(new TopicPartition(EFFECTS, 0), 1L);
        barrier.close();

        progress.end(EFFECTS, 0, 2);
        assertThatThrownBy(() -> barrier(SHORT, LONG).awaitCaughtUp())
                .isInstanceOf(ProjectorBehindException.class)
                .hasMessage("the projector is behind the log after 300 ms: " + EFFECTS + " partition 0 read to 1 of 2");
    }

    @Test
    void closingFailsAWaitUnderWayAndRefusesNewOnes() {
        progress.end(EVENTS, 0, 5);
        CompletableFuture<CaughtUp> waiting = barrier(LONG, LONG).whenCaughtUp();
        barrier.close();
        assertThat(behind(waiting)).hasMessage("the projector is shutting down");
        assertThat(behind(barrier.whenCaughtUp())).hasMessage("the projector is shutting down");
    }

    /** {@link #progress}, whose first read of the log's end holds the barrier's thread until released. */
    private static final class HeldProgress implements ProjectorProgress {
        final FakeProgress inner;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final AtomicBoolean first = new AtomicBoolean(true);

        HeldProgress(FakeProgress inner) {
            this.inner = inner;
        }

        @Override
        public Map<TopicPartition, Long> endOffsets(String topic, Duration timeout) {
            if (topic.equals(EVENTS) && first.getAndSet(false)) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return inner.endOffsets(topic, timeout);
        }

        @Override
        public Map<TopicPartition, Long> committedOffsets(java.util.Set<TopicPartition> partitions, Duration timeout) {
            return inner.committedOffsets(partitions, timeout);
        }

        @Override
        public boolean holdsRecords(TopicPartition partition, long fromOffset, long toOffset, Duration timeout) {
            return inner.holdsRecords(partition, fromOffset, toOffset, timeout);
        }
    }

    @Test
    void callersThatComeBeforeAWaitReadsTheLogsEndShareItsPolls() throws Exception {
        HeldProgress held = new HeldProgress(progress);
        barrier = new CatchUpBarrier(held, EVENTS, EFFECTS, LONG, LONG);
        CompletableFuture<CaughtUp> first = barrier.whenCaughtUp();
        assertThat(held.entered.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<CaughtUp>> burst = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            burst.add(barrier.whenCaughtUp());
        }
        // One caller cancelling its own future leaves the others waiting on the same poll alone.
        burst.get(0).cancel(false);
        held.release.countDown();
        caughtUp(first);
        for (CompletableFuture<CaughtUp> waiting : burst.subList(1, burst.size())) {
            caughtUp(waiting);
        }
        // The first wait read the end before the burst came; the burst shared one wait: two reads in all.
        assertThat(progress.count("end " + EVENTS)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> barrier.waiting() == 0);
    }

    @Test
    void pastItsBoundOfWaitersANewCallerIsRefusedAtOnce() throws Exception {
        HeldProgress held = new HeldProgress(progress);
        barrier = new CatchUpBarrier(held, EVENTS, EFFECTS, LONG, LONG, 3);
        List<CompletableFuture<CaughtUp>> waiting = new ArrayList<>();
        waiting.add(barrier.whenCaughtUp());
        assertThat(held.entered.await(10, TimeUnit.SECONDS)).isTrue();
        waiting.add(barrier.whenCaughtUp());
        waiting.add(barrier.whenCaughtUp());
        CompletableFuture<CaughtUp> refused = barrier.whenCaughtUp();
        assertThat(refused).isCompletedExceptionally();
        assertThat(behind(refused))
                .hasMessage("too many reads are waiting for the projector to catch up (at most 3);" + " retry shortly");
        held.release.countDown();
        for (CompletableFuture<CaughtUp> w : waiting) {
            caughtUp(w);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> barrier.waiting() == 0);
        caughtUp(barrier.whenCaughtUp());
        assertThatThrownBy(() -> new CatchUpBarrier(progress, EVENTS, EFFECTS, LONG, LONG, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundAndStallMustBePositive() {
        assertThatThrownBy(() -> new CatchUpBarrier(progress, EVENTS, EFFECTS, Duration.ZERO, LONG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound must be positive, was PT0S");
        assertThatThrownBy(() -> new CatchUpBarrier(progress, EVENTS, " ", LONG, LONG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("effectsTopic must be a topic name, was ' '");
    }

    @Test
    void theProjectorsBarrierWatchesItsOwnSettlementEffectsTopic() throws Exception {
        progress.readTo(EVENTS, 0, 1).end("kleline-ledger-projector-settlement-effects-repartition", 0, 0);
        barrier = CatchUpBarrier.forApplication(progress, "kleline-ledger-projector");
        caughtUp(barrier.whenCaughtUp());
        assertThat(progress.calls()).contains("end kleline-ledger-projector-settlement-effects-repartition");
        assertThat(barrier.bound()).isEqualTo(Duration.ofSeconds(30));
    }
}
