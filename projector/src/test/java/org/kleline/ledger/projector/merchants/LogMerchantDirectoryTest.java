package org.kleline.ledger.projector.merchants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.fee.FeePlan;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.projector.errors.ProjectorMetrics;
import org.kleline.ledger.projector.topology.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The merchant directory's time-out decision. The reader thread is never started and the wait
 * timeout is zero, so a look-up times out at once unless the test raised the partition's watermark.
 */
class LogMerchantDirectoryTest {

    private static final String MERCHANT = "m-shop";
    private static final long NOW = TestEvents.T0 + 2 * TestEvents.MINUTE;

    private ProjectorMetrics metrics;
    private PartitionWatermarks watermarks;
    private LogMerchantDirectory directory;
    private int partition;

    @BeforeEach
    void setUp() {
        metrics = new ProjectorMetrics("log-merchant-directory-test");
        MerchantBook book = new MerchantBook(BusinessCalendar.defaultCalendar());
        book.apply(TestEvents.onboard("on-1", MERCHANT, "EUR", null, TestEvents.PLAN, TestEvents.T0));
        watermarks = new PartitionWatermarks(3);
        directory = new LogMerchantDirectory(book, watermarks, new MockConsumer<>("earliest"), "ledger.events",
                (topic, data) -> null, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), Duration.ZERO, metrics);
        partition = directory.partitionOf(MERCHANT);
        watermarks.advance(partition, TestEvents.T0);
    }

    @AfterEach
    void tearDown() {
        metrics.close();
    }

    @Test
    void aLookUpWhosePartitionIsReadThroughItsTimeIsAnsweredFromTheBook() {
        watermarks.advance(partition, NOW);

        Optional<MerchantTerms> terms = directory.termsAt(MERCHANT, Instant.ofEpochMilli(NOW));

        assertThat(terms).map(MerchantTerms::feePlan).contains(FeePlan.fromAvro(TestEvents.PLAN));
        assertThat(metrics.merchantWaitTimeouts()).isZero();
    }

    @Test
    void aTimeOutAtAPastTimeIsNotDecidedButFailsNamingTheMerchantTimeAndPartition() {
        Instant at = Instant.ofEpochMilli(TestEvents.T0 + TestEvents.MINUTE);

        assertThatThrownBy(() -> directory.termsAt(MERCHANT, at))
                .isInstanceOfSatisfying(MerchantDirectoryBehindException.class, e -> {
                    assertThat(e.merchantId()).isEqualTo(MERCHANT);
                    assertThat(e.at()).isEqualTo(at);
                    assertThat(e.partition()).isEqualTo(partition);
                    assertThat(e.readThroughMs()).isEqualTo(TestEvents.T0);
                })
                .hasMessageContaining("merchant m-shop looked up as of 2024-03-01T10:01:00Z")
                .hasMessageContaining("partition " + partition + " of the event log is read through 2024-03-01T10:00:00Z");
        assertThat(metrics.merchantWaitTimeouts()).isZero();
    }

    @Test
    void aTimeOutOnAPartitionNeverReadSaysSo() {
        PartitionWatermarks empty = new PartitionWatermarks(3);
        LogMerchantDirectory unread = new LogMerchantDirectory(new MerchantBook(BusinessCalendar.defaultCalendar()),
                empty, new MockConsumer<>("earliest"), "ledger.events", (topic, data) -> null,
                Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), Duration.ZERO, metrics);

        assertThatThrownBy(() -> unread.termsAt(MERCHANT, Instant.ofEpochMilli(NOW)))
                .isInstanceOfSatisfying(MerchantDirectoryBehindException.class,
                        e -> assertThat(e.readThroughMs()).isEqualTo(PartitionWatermarks.NOTHING))
                .hasMessageContaining("is read through nothing yet");
    }

    @Test
    void aTimeAheadOfTheClockByNoMoreThanTheSkewAllowanceStillCountsAsPast() {
        Instant at = Instant.ofEpochMilli(NOW + LogMerchantDirectory.CLOCK_SKEW_ALLOWANCE.toMillis());

        assertThatThrownBy(() -> directory.termsAt(MERCHANT, at)).isInstanceOf(MerchantDirectoryBehindException.class);
    }

    @Test
    void aTimeOutAtAFutureTimeIsDecidedWithWhatIsKnownAndCounted() {
        Instant at = Instant.ofEpochMilli(NOW + LogMerchantDirectory.CLOCK_SKEW_ALLOWANCE.toMillis() + 1);

        Optional<MerchantTerms> terms = directory.termsAt(MERCHANT, at);

        assertThat(terms).map(MerchantTerms::feePlan).contains(FeePlan.fromAvro(TestEvents.PLAN));
        assertThat(terms).map(t -> t.onboardedAt()).contains(Instant.ofEpochMilli(TestEvents.T0));
        assertThat(metrics.merchantWaitTimeouts()).isEqualTo(1);
    }

    @Test
    void aFutureLookUpOfAMerchantNotReadYetIsDecidedAsUnknown() {
        Instant at = Instant.ofEpochMilli(NOW + Duration.ofDays(1).toMillis());

        assertThat(directory.termsAt("m-not-read", at)).isEmpty();
        assertThat(metrics.merchantWaitTimeouts()).isEqualTo(1);
    }
}
