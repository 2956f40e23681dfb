package org.kleline.ledger.ingest.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.ingest.testing.Outcomes;
import org.kleline.ledger.outcomes.EventOutcome;

/** The waiter reads every partition of ledger.outcomes from its end on, and completes waits as outcomes come. */
class OutcomeWaiterTest {

    private static final String TOPIC = "ledger.outcomes";
    private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123Z");
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final MockConsumer<String, EventOutcome> consumer = new MockConsumer<>("latest");
    private final PendingOutcomes pending = new PendingOutcomes(10);

    private void topicWithTwoPartitionsEndingAt(long end0, long end1) {
        Node node = new Node(1, "localhost", 9092);
        consumer.updatePartitions(
                TOPIC,
                List.of(
                        new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node}),
                        new PartitionInfo(TOPIC, 1, node, new Node[] {node}, new Node[] {node})));
        consumer.updateEndOffsets(Map.of(P0, end0, P1, end1));
    }

    @Test
    void startsAtTheEndOfEveryPartitionAndCompletesWaits() {
        topicWithTwoPartitionsEndingAt(5, 7);
        try (OutcomeWaiter waiter = new OutcomeWaiter(TOPIC, consumer, pending, Duration.ofSeconds(5))) {
            waiter.start();
            assertThat(consumer.assignment()).containsExactlyInAnyOrder(P0, P1);
            assertThat(consumer.position(P0)).isEqualTo(5);
            assertThat(consumer.position(P1)).isEqualTo(7);

            PendingOutcomes.Wait wait = pending.register("e-1", "wallet:w-1");
            EventOutcome outcome = Outcomes.toppedUp("e-1", "w-1", 100, AT);
            consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 1, 7, "e-1", outcome)));
            await().atMost(Duration.ofSeconds(5)).until(() -> wait.outcome().isDone());
            assertThat(wait.outcome()).isCompletedWithValue(outcome);
        }
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void missingTopicFailsTheStartNamingIt() {
        OutcomeWaiter waiter = new OutcomeWaiter(TOPIC, consumer, pending, Duration.ofMillis(300));
        assertThatThrownBy(waiter::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("topic ledger.outcomes has no partitions after PT0.3S");
        waiter.close();
        assertThat(consumer.closed()).isTrue();
    }
}
