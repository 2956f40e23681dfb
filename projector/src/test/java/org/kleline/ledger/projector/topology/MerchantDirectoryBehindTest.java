package org.kleline.ledger.projector.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.projector.decide.MerchantDirectorySource;
import org.kleline.ledger.projector.merchants.MerchantDirectoryBehindException;

/**
 * A merchant directory that is behind fails the decide stage with the projector's own Streams
 * config (LogAndFail processing handler): the exception leaves the task as the cause of Streams'
 * StreamsException, where the uncaught exception handler looks for it, and nothing of the event is
 * emitted.
 */
class MerchantDirectoryBehindTest {

    @TempDir
    Path stateDir;

    @Test
    void aDirectoryBehindFailsTheTaskWithTheExceptionInTheCauseChainAndNoOutcome() {
        AtomicInteger lookUps = new AtomicInteger();
        MerchantDirectorySource behind = taskMerchants -> (merchantId, at, event) -> {
            lookUps.incrementAndGet();
            throw new MerchantDirectoryBehindException(merchantId, 17, 1, 12, 10_000);
        };
        long t = TestEvents.T0;
        try (ProjectorDriver driver = new ProjectorDriver(stateDir, behind)) {
            driver.pipe(
                    TestEvents.openWallet("open", "w-1", "EUR", 15_000, t + 1_000),
                    TestEvents.topUp("top", "w-1", 5_000, t + 2_000));
            assertThat(driver.outcomes()).hasSize(2);

            Throwable failure =
                    catchThrowable(() -> driver.pipe(TestEvents.micro("pay", "w-1", "m-shop", 1_000, t + 3_000)));

            assertThat(failure)
                    .isInstanceOf(StreamsException.class)
                    .isNotInstanceOf(MerchantDirectoryBehindException.class);
            assertThat(MerchantDirectoryBehindException.in(failure)).get().satisfies(e -> {
                assertThat(e.behind().merchantId()).isEqualTo("m-shop");
                assertThat(e.behind().bound()).isEqualTo(17);
            });
            assertThat(lookUps).hasValue(1);
            assertThat(driver.outcomes()).isEmpty();
            assertThat(driver.metrics().poisonRecords()).isZero();
        }
    }
}
