package org.kleline.ledger.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private static final int MANY = ReadAhead.BATCH * (ReadAhead.BATCHES_QUEUED_MAX + 3) + 7;

    @Test
    void everyItemReachesTheCallerInTheOrderReadOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        List<Integer> used = new ArrayList<>();
        AtomicBoolean readElsewhere = new AtomicBoolean();
        new ReadAhead<Integer>("test-reader")
                .run(
                        sink -> {
                            readElsewhere.set(Thread.currentThread() != caller);
                            for (int i = 0; i < MANY; i++) {
                                sink.accept(i);
                            }
                        },
                        item -> {
                            assertThat(Thread.currentThread()).isSameAs(caller);
                            used.add(item);
                        });
        assertThat(readElsewhere).isTrue();
        assertThat(used).hasSize(MANY);
        for (int i = 0; i < MANY; i++) {
            assertThat(used.get(i)).isEqualTo(i);
        }
    }

    @Test
    void nothingReadIsNothingUsed() {
        List<Integer> used = new ArrayList<>();
        new ReadAhead<Integer>("test-reader").run(sink -> {}, used::add);
        assertThat(used).isEmpty();
    }

    @Test
    void aFailureOfTheReadingIsThrownAsItWasAfterTheItemsReadBeforeIt() {
        List<Integer> used = new ArrayList<>();
        IllegalStateException broken = new IllegalStateException("the broker is gone");
        assertThatThrownBy(() -> new ReadAhead<Integer>("test-reader")
                        .run(
                                sink -> {
                                    for (int i = 0; i < 2_500; i++) {
                                        sink.accept(i);
                                    }
                                    throw broken;
                                },
                                used::add))
                .isSameAs(broken);
        assertThat(used).hasSize(2_500);
    }

    @Test
    void aFailureOfTheCallerStopsTheReadingAndIsThrown() {
        AtomicInteger read = new AtomicInteger();
        AtomicBoolean readerSawTheEnd = new AtomicBoolean();
        assertThatThrownBy(() -> new ReadAhead<Integer>("test-reader")
                        .run(
                                sink -> {
                                    try {
                                        while (true) {
                                            sink.accept(read.incrementAndGet());
                                        }
                                    } finally {
                                        readerSawTheEnd.set(true);
                                    }
                                },
                                item -> {
                                    if (item == 1_500) {
                                        throw new IllegalArgumentException("cannot decide event 1500");
                                    }
                                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot decide event 1500");
        // The reading stopped before run returned (it waits for it): it read at most the queue's worth more.
        assertThat(readerSawTheEnd).isTrue();
        assertThat(read.get()).isLessThanOrEqualTo(ReadAhead.BATCH * (ReadAhead.BATCHES_QUEUED_MAX + 3));
    }
}
