package org.kleline.ledger.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentRequestsTest {

    private static final LocalDate JAN_1 = LocalDate.of(1999, 1, 1);

    private static List<LocalDate> days(int n) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            days.add(JAN_1.plusDays(i));
        }
        return days;
    }

    private static List<String> payoutOf(LocalDate day) {
        return List.of("po-m-1-" + day);
    }

    @Test
    void answersAreHandedOnInTheItemsOrderWhateverOrderTheyFinishIn() {
        // The first date finishes last: it waits until every other date has been settled.
        CountDownLatch othersDone = new CountDownLatch(9);
        ConcurrentRequests<LocalDate, List<String>> settlements = new ConcurrentRequests<>(10, "test", day -> {
            if (day.equals(JAN_1)) {
                await(othersDone);
            } else {
                othersDone.countDown();
            }
            return payoutOf(day);
        });
        List<String> handedOn = new ArrayList<>();
        settlements.run(days(10), (day, payouts) -> handedOn.add(day + " " + payouts.get(0)));
        assertThat(handedOn).hasSize(10).first().isEqualTo("1999-01-01 po-m-1-1999-01-01");
        assertThat(handedOn).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void atMostTheConcurrencyAreInFlightAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ConcurrentRequests<LocalDate, List<String>> settlements = new ConcurrentRequests<>(3, "test", day -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.onSpinWait();
            running.decrementAndGet();
            return List.of();
        });
        List<LocalDate> handedOn = new ArrayList<>();
        settlements.run(days(60), (day, payouts) -> handedOn.add(day));
        assertThat(handedOn).isEqualTo(days(60));
        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    void afterAFailureNoNewRequestStartsTheOnesUnderWayAreHandedOnAndTheFailureIsThrown() {
        AtomicInteger started = new AtomicInteger();
        ConcurrentRequests<LocalDate, List<String>> settlements = new ConcurrentRequests<>(1, "test", day -> {
            started.incrementAndGet();
            if (day.equals(JAN_1.plusDays(2))) {
                throw new ApiFailure("POST /v1/settlements/" + day + "/settle answered 500");
            }
            return payoutOf(day);
        });
        List<LocalDate> handedOn = new ArrayList<>();
        assertThatThrownBy(() -> settlements.run(days(10), (day, payouts) -> handedOn.add(day)))
                .isInstanceOf(ApiFailure.class)
                .hasMessageContaining("1999-01-03");
        assertThat(handedOn).containsExactly(JAN_1, JAN_1.plusDays(1));
        assertThat(started.get()).isEqualTo(3);
    }

    @Test
    void theConcurrencyIsOneToSixtyFour() {
        assertThatThrownBy(() -> new ConcurrentRequests<>(0, "test", ConcurrentRequestsTest::payoutOf))
                .hasMessage("--concurrency must be 1..64, got 0");
        assertThatThrownBy(() -> new ConcurrentRequests<>(65, "test", ConcurrentRequestsTest::payoutOf))
                .hasMessage("--concurrency must be 1..64, got 65");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS))
                    .as("the other dates were settled")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
