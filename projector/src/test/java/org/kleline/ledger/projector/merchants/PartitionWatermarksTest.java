package org.kleline.ledger.projector.merchants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PartitionWatermarksTest {

    @Test
    void aWatermarkNeverGoesBack() {
        PartitionWatermarks marks = new PartitionWatermarks(3);
        marks.advance(1, 500);
        marks.advance(1, 400);
        assertThat(marks.completeThrough(1)).isEqualTo(500);
        assertThat(marks.completeThrough(0)).isEqualTo(PartitionWatermarks.NOTHING);
    }

    @Test
    void aWaitEndsAsSoonAsThePartitionIsCompleteThroughTheTime() throws Exception {
        PartitionWatermarks marks = new PartitionWatermarks(2);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return marks.awaitThrough(1, 1_000, 30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        marks.advance(0, 5_000);
        marks.advance(1, 999);
        assertThat(waiting).isNotDone();
        marks.advance(1, 1_000);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWaitForEveryPartitionEndsOnlyWhenTheLastOneIsCompleteThroughTheTime() throws Exception {
        PartitionWatermarks marks = new PartitionWatermarks(3);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return marks.awaitAllThrough(1_000, 30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        marks.advance(2, 1_000);
        marks.advance(0, 2_000);
        assertThat(waiting).isNotDone();
        marks.advance(1, 1_000);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new PartitionWatermarks(2).awaitAllThrough(1_000, 50)).isFalse();
    }

    @Test
    void aWaitGivesUpAfterItsTimeout() throws Exception {
        PartitionWatermarks marks = new PartitionWatermarks(1);
        marks.advance(0, 10);
        assertThat(marks.awaitThrough(0, 11, 50)).isFalse();
        assertThat(marks.awaitThrough(0, 10, 0)).isTrue();
    }

    @Test
    void partitionCountMustBePositive() {
        assertThatThrownBy(() -> new PartitionWatermarks(0)).hasMessageContaining("partitions must be >= 1, got 0");
    }
}
