package org.kleline.ledger.bench;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.model.topics.Topics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Avro binary encode + decode of one event envelope in the Confluent wire format, the work a
 * producer and the projector do per event. The registry is the in-memory one: after the first
 * record the schema id is cached, so no registry call is on this path in production either.
 */
public class EnvelopeSerdeBenchmark extends PerEventBenchmark {

    private Serializer<EventEnvelope> serializer;
    private Deserializer<EventEnvelope> deserializer;
    private EventEnvelope micropayment;
    private byte[] encoded;

    @Setup
    public void setUp() {
        Topics topics = Topics.create(Map.of("schema.registry.url", "mock://bench-serde"));
        serializer = topics.events().valueSerde().serializer();
        deserializer = topics.events().valueSerde().deserializer();
        micropayment = EventEnvelope.newBuilder()
                .setEventId("0f8e6b2a-6c1d-4d0e-9a55-3f1c9b2d7e41")
                .setOccurredAt(Instant.parse("1999-10-15T10:15:30.123Z"))
                .setPayload(new MicropaymentRequested("w-000042", "m-017", 250L))
                .build();
        encoded = serializer.serialize(Topics.EVENTS, micropayment);
    }

    @Benchmark
    public EventEnvelope encodeDecodeRoundTrip() {
        return deserializer.deserialize(Topics.EVENTS, serializer.serialize(Topics.EVENTS, micropayment));
    }

    @Benchmark
    public byte[] encode() {
        return serializer.serialize(Topics.EVENTS, micropayment);
    }

    @Benchmark
    public EventEnvelope decode() {
        return deserializer.deserialize(Topics.EVENTS, encoded);
    }
}
