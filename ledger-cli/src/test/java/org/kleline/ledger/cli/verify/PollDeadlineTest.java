package org.kleline.ledger.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollDeadlineTest {

    @Test
    void aWaitWithNoTimeLeftStopsAtOnceWithoutPausing() {
        long started = System.nanoTime();
        assertThat(PollDeadline.within(Duration.ZERO, Duration.ofMinutes(1)).pauseBeforeNextPoll())
                .isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aPauseIsCutShortAtTheDeadlineAndThenThePollingStops() {
        PollDeadline wait = PollDeadline.within(Duration.ofMillis(50), Duration.ofMinutes(1));
        long started = System.nanoTime();
        assertThat(wait.pauseBeforeNextPoll()).isTrue();
        assertThat(wait.pauseBeforeNextPoll()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aPauseOfZeroIsRefused() {
        assertThatThrownBy(() -> PollDeadline.within(Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a poll needs max >= 0 and pause > 0, was max PT1S, pause PT0S");
    }
}
