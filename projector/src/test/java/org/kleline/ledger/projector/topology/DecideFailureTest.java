package org.kleline.ledger.projector.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.kleline.ledger.projector.topology.TestEvents.T0;
import static org.kleline.ledger.projector.topology.TestEvents.micro;
import static org.kleline.ledger.projector.topology.TestEvents.openWallet;
import static org.kleline.ledger.projector.topology.TestEvents.topUp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.projector.decide.MerchantDirectorySource;

/**
 * A failure while deciding that is not the event breaking the log's contract is a bug, not a
 * poison record: it propagates out of the task, naming the event, its partition and offset, and
 * nothing of the event is emitted or dead-lettered. Here the merchant look-up a micropayment makes
 * while being decided throws, as a bug in a rule or a store would.
 */
class DecideFailureTest {

    @TempDir
    Path stateDir;

    @Test
    void anIllegalArgumentThatIsNoInvalidFieldFailsProcessingWithTheEventsContext() {
        assertFailsWithContext(() -> new IllegalArgumentException("fee plan version list out of order"));
    }

    @Test
    void anIllegalStateFailsProcessingWithTheEventsContext() {
        assertFailsWithContext(() -> new IllegalStateException("merchant book corrupted"));
    }

    private void assertFailsWithContext(Supplier<RuntimeException> bug) {
        RuntimeException thrown = bug.get();
        MerchantDirectorySource broken = taskMerchants -> (merchantId, at, event) -> {
            throw thrown;
        };
        try (ProjectorDriver driver = new ProjectorDriver(stateDir, broken)) {
            driver.pipe(openWallet("open", "w-1", "EUR", 15_000, T0), topUp("top", "w-1", 5_000, T0 + 1));
            assertThat(driver.outcomes())
                    .extracting(kv -> kv.value.getOutcome())
                    .containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED);
            assertThat(driver.journal()).hasSize(2);

            Throwable failure = catchThrowable(() -> driver.pipe(micro("pay-1", "w-1", "m-shop", 1_000, T0 + 2)));

            assertThat(failure).isInstanceOf(StreamsException.class);
            assertThat(chain(failure))
                    .anySatisfy(t -> assertThat(t)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageStartingWith(
                                    "deciding event pay-1 of wallet:w-1 (partition 0 offset 2 of ledger.events) failed")
                            .hasCause(thrown));
            assertThat(driver.outcomes()).isEmpty();
            assertThat(driver.journal()).isEmpty();
            assertThat(driver.deadLetters()).isEmpty();
            assertThat(driver.metrics().poisonRecords()).isZero();
        }
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
