package org.kleline.ledger.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.web.problem.InvalidRequestException;

class PreferWaitTest {

    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void absentHeaderIsNoWait() {
        assertThat(PreferWait.parse(null, MAX)).isEmpty();
    }

    @Test
    void waitIsReadAmongOtherPreferences() {
        assertThat(PreferWait.parse("respond-async, wait=7", MAX)).contains(Duration.ofSeconds(7));
        assertThat(PreferWait.parse("WAIT=\"3\"", MAX)).contains(Duration.ofSeconds(3));
        assertThat(PreferWait.parse("return=minimal", MAX)).isEmpty();
    }

    @Test
    void thirtySecondsIsTheMost() {
        assertThat(PreferWait.parse("wait=30", MAX)).contains(MAX);
        assertThatThrownBy(() -> PreferWait.parse("wait=31", MAX))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Prefer wait must be at most 30 seconds, was 31");
    }

    @Test
    void negativeFractionalOrMissingValuesAreRefused() {
        for (String bad : new String[] {"wait=-1", "wait=1.5", "wait=", "wait", "wait=99999999999"}) {
            assertThatThrownBy(() -> PreferWait.parse(bad, MAX)).as(bad).isInstanceOf(InvalidRequestException.class);
        }
    }
}
