package org.kleline.ledger.query.it;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.topics.AppendedAfterStamp;
import org.kleline.ledger.model.topics.Topics;

/** Appends events to ledger.events as ingest does: keyed by aggregate, in order, idempotent, acks=all. */
final class EventLog {

    private EventLog() {}

    static void append(EmbeddedLedgerInfrastructure infra, List<EventEnvelope> events) {
        Topics topics = Topics.create(Map.of("schema.registry.url", infra.schemaRegistryUrl()));
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                "true",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                "1");
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(
                config, new StringSerializer(), topics.events().valueSerde().serializer())) {
            // Stamped as ingest stamps (the cross-key rule): past every merchant event appended before.
            AppendedAfterStamp stamp = AppendedAfterStamp.atEnds(infra.bootstrapServers(), Topics.EVENTS);
            for (EventEnvelope e : events) {
                stamp.append(producer, Topics.EVENTS, e);
            }
            producer.flush();
        }
    }
}
