package org.kleline.ledger.projector.merchants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.validation.InvalidFieldException;
import org.kleline.ledger.projector.errors.ProjectorMetrics;
import org.kleline.ledger.projector.topology.TestEvents;

/**
 * The merchant directory's answers by offset bound. The reader thread is never started and the wait
 * timeout is zero, so a look-up times out at once unless the test raised the partition's read position.
 */
class LogMerchantDirectoryTest {

    private static final String MERCHANT = "m-shop";
    private static final int PARTITIONS = 3;

    private ProjectorMetrics metrics;
    private MerchantBook book;
    private ReadPositions positions;
    private LogMerchantDirectory directory;
    private int partition;
    private int other;
    /** The end offsets the brokers answer, per partition. */
    private final long[] ends = new long[PARTITIONS];

    @BeforeEach
    void setUp() {
        metrics = new ProjectorMetrics("log-merchant-directory-test");
        book = new MerchantBook(BusinessCalendar.defaultCalendar());
        positions = new ReadPositions(PARTITIONS);
        directory = directoryAsking(p -> ends[p]);
        partition = directory.partitionOf(MERCHANT);
        other = (partition + 1) % PARTITIONS;
        // The merchant onboarded at offset 10 of its partition, its plan changed to PLAN_B at offset 20.
        book.apply(
                "merchant:" + MERCHANT,
                TestEvents.onboard("on-1", MERCHANT, "EUR", null, TestEvents.PLAN, TestEvents.T0),
                10);
        book.apply(
                "merchant:" + MERCHANT,
                TestEvents.changePlan("plan-2", MERCHANT, TestEvents.PLAN_B, null, TestEvents.T0 + TestEvents.MINUTE),
                20);
    }

    @AfterEach
    void tearDown() {
        metrics.close();
    }

    /** An event on another partition stamped with {@code bound} for the merchant's partition. */
    private LogPosition stamped(long bound) {
        List<Long> ends = new ArrayList<>(Collections.nCopies(PARTITIONS, 0L));
        ends.set(partition, bound);
        return new LogPosition(other, 5, ends);
    }

    /** A directory over this test's book and positions that does not wait, asking {@code ends} for the log's ends. */
    private LogMerchantDirectory directoryAsking(LogMerchantDirectory.EndOffsets ends) {
        return new LogMerchantDirectory(
                book,
                positions,
                new MockConsumer<>("earliest"),
                "ledger.events",
                (topic, data) -> null,
                Duration.ZERO,
                metrics,
                ends);
    }

    @Test
    void aLookUpSeesOnlyTheMerchantEventsBelowItsBoundHoweverFarThePartitionWasRead() {
        positions.advance(partition, 100);
        Instant late = Instant.ofEpochMilli(TestEvents.T0 + 10 * TestEvents.MINUTE);

        assertThat(directory.termsAt(MERCHANT, late, stamped(10))).isEmpty();
        assertThat(directory.termsAt(MERCHANT, late, stamped(11)))
                .map(MerchantTerms::feePlan)
                .contains(FeeSchedule.fromAvro(TestEvents.PLAN));
        assertThat(directory.termsAt(MERCHANT, late, stamped(21)))
                .map(MerchantTerms::feePlan)
                .contains(FeeSchedule.fromAvro(TestEvents.PLAN_B));
    }

    @Test
    void anEventOfTheMerchantsOwnPartitionIsBoundedByItsOwnOffset() {
        positions.advance(partition, 100);
        Instant late = Instant.ofEpochMilli(TestEvents.T0 + 10 * TestEvents.MINUTE);

        assertThat(directory.termsAt(MERCHANT, late, new LogPosition(partition, 15, null)))
                .map(MerchantTerms::feePlan)
                .contains(FeeSchedule.fromAvro(TestEvents.PLAN));
        assertThat(directory.termsAt(MERCHANT, late, new LogPosition(partition, 25, null)))
                .map(MerchantTerms::feePlan)
                .contains(FeeSchedule.fromAvro(TestEvents.PLAN_B));
    }

    @Test
    void anUnstampedEventOfAnotherPartitionSeesNoMerchant() {
        positions.advance(partition, 100);

        assertThat(directory.termsAt(MERCHANT, Instant.ofEpochMilli(TestEvents.T0), new LogPosition(other, 7, null)))
                .isEmpty();
    }

    @Test
    void timeStillDecidesAmongTheEventsThatCount() {
        positions.advance(partition, 100);

        assertThat(directory.termsAt(MERCHANT, Instant.ofEpochMilli(TestEvents.T0 - 1), stamped(21)))
                .hasValueSatisfying(terms -> assertThat(terms.onboardedBy(Instant.ofEpochMilli(TestEvents.T0 - 1)))
                        .isFalse());
        assertThat(directory.termsAt(MERCHANT, Instant.ofEpochMilli(TestEvents.T0 + 1), stamped(21)))
                .map(MerchantTerms::feePlan)
                .contains(FeeSchedule.fromAvro(TestEvents.PLAN));
    }

    @Test
    void aTimeOutWithinTheLogsEndIsNotDecidedButFailsNamingTheMerchantBoundAndPartition() {
        positions.advance(partition, 15);
        ends[partition] = 40;

        assertThatThrownBy(() -> directory.termsAt(MERCHANT, Instant.ofEpochMilli(TestEvents.T0), stamped(21)))
                .isInstanceOfSatisfying(MerchantDirectoryBehindException.class, e -> {
                    assertThat(e.behind().merchantId()).isEqualTo(MERCHANT);
                    assertThat(e.behind().bound()).isEqualTo(21);
                    assertThat(e.behind().partition()).isEqualTo(partition);
                    assertThat(e.behind().readTo()).isEqualTo(15);
                })
                .hasMessageContaining("merchant m-shop looked up below offset 21 of partition " + partition);
        assertThat(metrics.merchantWaitTimeouts()).isEqualTo(1);
    }

    @Test
    void aReaderThatLagsBehindTheLogsEndIsARetryNotAnInvalidStamp() {
        // The reader saw the partition end at 15 and is stuck there; the brokers know it ends at 40.
        positions.advance(partition, 15);
        positions.startEndAt(partition, 15);
        ends[partition] = 40;

        assertThatThrownBy(() -> directory.termsAt(MERCHANT, Instant.ofEpochMilli(TestEvents.T0), stamped(30)))
                .isInstanceOf(MerchantDirectoryBehindException.class);
    }

    @Test
    void whenTheBrokersCannotSayTheEndTheLookUpIsRetried() {
        LogMerchantDirectory blind = directoryAsking(p -> {
            throw new IllegalStateException("broker unreachable");
        });

        assertThatThrownBy(() -> blind.termsAt(MERCHANT, Instant.ofEpochMilli(TestEvents.T0), stamped(1_000)))
                .isInstanceOf(MerchantDirectoryBehindException.class);
    }

    @Test
    void aBoundPastTheLogsEndIsAnInvalidStampNotARetry() {
        positions.advance(partition, 40);
        ends[partition] = 40;

        assertThatThrownBy(() -> directory.termsAt(MERCHANT, Instant.ofEpochMilli(TestEvents.T0), stamped(1_000)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> assertThat(e.getMessage())
                                .contains("appendedAfter")
                                .contains("ends at offset 40"));
    }
}
