package org.kleline.ledger.ingest.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.ingest.testing.Outcomes;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.web.problem.UnavailableException;

class PendingOutcomesTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123Z");
    private final PendingOutcomes pending = new PendingOutcomes(2);

    @Test
    void outcomeCompletesEveryWaitOfItsIdUnderItsKey() {
        PendingOutcomes.Wait first = pending.register("e-1", "wallet:w-1");
        PendingOutcomes.Wait retry = pending.register("e-1", "wallet:w-1");
        EventOutcome outcome = Outcomes.toppedUp("e-1", "w-1", 100, AT);
        pending.complete(outcome);
        assertThat(first.outcome()).isCompletedWithValue(outcome);
        assertThat(retry.outcome()).isCompletedWithValue(outcome);
    }

    @Test
    void outcomeUnderAnotherKeyCompletesNothing() {
        PendingOutcomes.Wait wait = pending.register("e-1", "wallet:w-1");
        pending.complete(Outcomes.toppedUp("e-1", "w-2", 100, AT));
        assertThat(wait.outcome()).isNotDone();
    }

    @Test
    void laterOutcomeDoesNotReplaceTheFirst() {
        PendingOutcomes.Wait wait = pending.register("e-1", "wallet:w-1");
        EventOutcome first = Outcomes.toppedUp("e-1", "w-1", 100, AT);
        pending.complete(first);
        pending.complete(Outcomes.duplicate("e-1", "wallet:w-1", EventType.WalletToppedUp, AT));
        assertThat(wait.outcome()).isCompletedWithValue(first);
    }

    @Test
    void waitsPastTheBoundAreRefusedUntilOneCloses() {
        PendingOutcomes.Wait one = pending.register("e-1", "wallet:w-1");
        pending.register("e-2", "wallet:w-1");
        assertThatThrownBy(() -> pending.register("e-3", "wallet:w-1")).isInstanceOf(UnavailableException.class);
        assertThat(pending.pending()).isEqualTo(2);
        one.close();
        assertThat(pending.pending()).isEqualTo(1);
        assertThat(pending.register("e-3", "wallet:w-1").outcome()).isNotDone();
    }

    @Test
    void closingTwiceReleasesOnce() {
        PendingOutcomes.Wait one = pending.register("e-1", "wallet:w-1");
        pending.register("e-1", "wallet:w-1");
        one.close();
        one.close();
        assertThat(pending.pending()).isEqualTo(1);
    }
}
