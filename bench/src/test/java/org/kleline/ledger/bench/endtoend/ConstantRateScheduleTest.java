package org.kleline.ledger.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantRateScheduleTest {

    @Test
    void requestIndexTimesThePeriodFromTheStart() {
        ConstantRateSchedule schedule = new ConstantRateSchedule(1_000L, 500);

        assertThat(schedule.sendTimeNs(0)).isEqualTo(1_000L);
        assertThat(schedule.sendTimeNs(1)).isEqualTo(2_001_000L);
        assertThat(schedule.sendTimeNs(500)).isEqualTo(1_000_001_000L);
    }

    @Test
    void aRateThatDoesNotDivideASecondDoesNotDrift() {
        ConstantRateSchedule schedule = new ConstantRateSchedule(0L, 3);

        assertThat(schedule.sendTimeNs(1)).isEqualTo(333_333_333L);
        assertThat(schedule.sendTimeNs(3_000)).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void requestsInSecondsIsRateTimesSeconds() {
        assertThat(new ConstantRateSchedule(0L, 2_000).requestsIn(20)).isEqualTo(40_000L);
    }

    @Test
    void aRateBelowOneIsRefusedNamingIt() {
        assertThatThrownBy(() -> new ConstantRateSchedule(0L, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratePerSecond")
                .hasMessageContaining("0");
    }

    @Test
    void latencyRunsFromTheIntendedTimeInWholeMicroseconds() {
        ConstantRateSchedule schedule = new ConstantRateSchedule(0L, 1_000);
        long intendedNs = schedule.sendTimeNs(10);
        LatencyRecorder recorder = new LatencyRecorder();

        // Sent 4 ms late and answered 1.5 ms after the send: 5.5 ms from the intended time.
        recorder.record(intendedNs, intendedNs + 5_500_999L);

        assertThat(LatencyRecorder.microsBetween(intendedNs, intendedNs + 5_500_999L))
                .isEqualTo(5_500L);
        assertThat(recorder.take().getMaxValue()).isBetween(5_500L, 5_503L);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Median.of(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Median.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
