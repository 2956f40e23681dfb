package org.kleline.ledger.cli.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.topics.PlainConsumers;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;

/**
 * What the log holds, counted by event id, as an auditor outside the product reads it: {@code ledger.events}
 * and {@code ledger.outcomes} whole, committed records only ({@code read_committed}), up to the end offsets
 * taken when the count starts. How many times each id was appended, and how many first outcomes (ACCEPTED
 * or REJECTED) and DUPLICATEs it got.
 */
record LogTally(Map<String, Integer> appended, Map<String, Integer> decided, Map<String, Integer> duplicates) {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_MAX = Duration.ofMinutes(3);

    static LogTally read(String bootstrapServers, String schemaRegistryUrl) {
        Map<String, Object> settings =
                Map.of("bootstrap.servers", bootstrapServers, "schema.registry.url", schemaRegistryUrl);
        Topics topics = Topics.create(settings);
        Map<String, Integer> appended = new HashMap<>();
        readWhole(
                settings,
                Topics.EVENTS,
                topics.events().valueSerde().deserializer(),
                (EventEnvelope event) -> appended.merge(event.getEventId(), 1, Integer::sum));
        Map<String, Integer> decided = new HashMap<>();
        Map<String, Integer> duplicates = new HashMap<>();
        readWhole(
                settings,
                Topics.OUTCOMES,
                topics.outcomes().valueSerde().deserializer(),
                (EventOutcome outcome) -> (outcome.getOutcome() == Outcome.DUPLICATE ? duplicates : decided)
                        .merge(outcome.getEventId(), 1, Integer::sum));
        return new LogTally(appended, decided, duplicates);
    }

    /** Ids appended more than once, with their counts. */
    Map<String, Integer> appendedTwice() {
        Map<String, Integer> twice = new TreeMap<>();
        appended.forEach((id, n) -> {
            if (n > 1) {
                twice.put(id, n);
            }
        });
        return twice;
    }

    /** Ids appended whose first outcome is not in ledger.outcomes (yet). */
    List<String> undecided() {
        List<String> ids = new ArrayList<>();
        appended.keySet().stream()
                .filter(id -> !decided.containsKey(id))
                .sorted()
                .forEach(ids::add);
        return ids;
    }

    /** Of {@code ids}, those not appended exactly once with exactly one first outcome. */
    List<String> withoutExactlyOneOutcome(Set<String> ids) {
        List<String> wrong = new ArrayList<>();
        for (String id : ids) {
            if (appended.getOrDefault(id, 0) != 1 || decided.getOrDefault(id, 0) != 1) {
                wrong.add(id + " (appended " + appended.getOrDefault(id, 0) + ", first outcomes "
                        + decided.getOrDefault(id, 0) + ")");
            }
        }
        return wrong;
    }

    private static <V> void readWhole(
            Map<String, Object> settings, String topic, Deserializer<V> values, java.util.function.Consumer<V> sink) {
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
                PlainConsumers.readCommitted(settings, "fault-campaign-audit"), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofMinutes(1))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofMinutes(1));
            long deadline = System.nanoTime() + READ_MAX.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofMinutes(1)) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " not read to " + ends + " within " + READ_MAX);
                }
                for (ConsumerRecord<String, V> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(topic, record.partition()))
                            && record.value() != null) {
                        sink.accept(record.value());
                    }
                }
            }
        }
    }
}
