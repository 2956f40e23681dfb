package org.kleline.ledger.model.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The deserializing half shared by the specific and generic deserializers: checks the header,
 * fetches the writer's schema by id once, and decodes with a DatumReader cached per writer id (the
 * reader side is fixed per deserializer). A Deserializer is not told the partition or offset, so
 * errors name the topic and the payload's size. A schema the registry could not give (unreachable,
 * 5xx, ...) is a {@link SchemaUnavailableException}, never cached: the next payload asks again.
 */
final class WireReader {

    private final SchemaRegistryClient registry;
    private final Function<Schema, DatumReader<Object>> readerFactory;
    private final LruCache<Integer, ReadPlan> plans;
    // Most topics carry one schema id at a time: one volatile read instead of a lock.
    private volatile ReadPlan lastPlan;

    /**
     * @param readerFactory makes the reader of a writer schema; throws IllegalArgumentException
     *     saying why when the writer cannot be read
     */
    WireReader(SchemaRegistryClient registry, int cacheCapacity, Function<Schema, DatumReader<Object>> readerFactory) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.readerFactory = Objects.requireNonNull(readerFactory, "readerFactory");
        this.plans = new LruCache<>(cacheCapacity);
    }

    Object deserialize(String topic, byte[] bytes, int offset, int length) {
        if (length < WireFormat.HEADER_BYTES) {
            throw new SerializationException("Payload of " + length + " bytes from topic '" + topic
                    + "' is too short for the Confluent wire format, which needs " + WireFormat.HEADER_BYTES
                    + " bytes at least (magic byte and 4-byte schema id)");
        }
        if (length > WireFormat.PAYLOAD_BYTES_MAX) {
            throw new SerializationException("Payload of " + length + " bytes from topic '" + topic
                    + "' is larger than the " + WireFormat.PAYLOAD_BYTES_MAX + " bytes a record may have");
        }
        if (bytes[offset] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte " + bytes[offset] + " (expected "
                    + WireFormat.MAGIC_BYTE + ") in a payload of " + length + " bytes from topic '" + topic
                    + "': not the Confluent Avro wire format");
        }
        int schemaId = WireFormat.schemaId(bytes, offset);
        if (schemaId < 0) {
            throw new SerializationException(
                    "Schema id " + schemaId + " in a payload of " + length + " bytes from topic '" + topic
                            + "' is negative: no registry assigns one, not the Confluent wire format");
        }
        ReadPlan plan = lastPlan;
        if (plan == null || plan.schemaId != schemaId) {
            plan = plans.getOrLoad(schemaId, id -> newPlan(topic, id, length));
            lastPlan = plan;
        }
        // A decoder over an array is a few fields and no buffer: reusing one per thread measured no faster.
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(bytes, offset + WireFormat.HEADER_BYTES, length - WireFormat.HEADER_BYTES, null);
        try {
            return plan.reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Could not decode a payload of " + length + " bytes from topic '" + topic
                            + "' written with schema id " + schemaId + " (" + plan.writerName + "): " + e,
                    e);
        }
    }

    private ReadPlan newPlan(String topic, int schemaId, int length) {
        Schema writer;
        try {
            writer = registry.schemaById(schemaId);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                // The registry is up and says the id does not exist: the payload is unreadable for good.
                throw new SerializationException(
                        "Unknown schema id " + schemaId + " in a payload of " + length + " bytes from topic '" + topic
                                + "': " + e.getMessage(),
                        e);
            }
            throw unavailable(topic, schemaId, length, e, e.isTransient());
        } catch (SchemaRegistryUnreachableException e) {
            throw unavailable(topic, schemaId, length, e, true);
        } catch (UncheckedIOException e) {
            throw unavailable(topic, schemaId, length, e, false);
        }
        try {
            return new ReadPlan(schemaId, writer.getFullName(), readerFactory.apply(writer));
        } catch (IllegalArgumentException e) {
            throw new SerializationException(
                    "Cannot read schema id " + schemaId + " (" + writer.getFullName() + ") of a payload of " + length
                            + " bytes from topic '" + topic + "': " + e.getMessage(),
                    e);
        }
    }

    private static SchemaUnavailableException unavailable(
            String topic, int schemaId, int length, RuntimeException cause, boolean transientFailure) {
        String kind = transientFailure ? "the registry may answer later" : "the registry's answer needs a person";
        return new SchemaUnavailableException(
                "Could not fetch schema id " + schemaId + " for a payload of " + length
                        + " bytes from topic '" + topic + "' (" + kind + "; the payload itself was not read): "
                        + cause.getMessage(),
                cause,
                schemaId,
                transientFailure);
    }

    private static final class ReadPlan {
        final int schemaId;
        final String writerName;
        final DatumReader<Object> reader;

        ReadPlan(int schemaId, String writerName, DatumReader<Object> reader) {
            this.schemaId = schemaId;
            this.writerName = writerName;
            this.reader = reader;
        }
    }
}
