package org.kleline.ledger.model.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumWriter;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The serializing half shared by the specific and generic serializers: finds the schema id of a
 * (topic, record type) once, then writes header and datum. A record type is whatever identifies a
 * schema cheaply: the generated class for specific records, the Schema object for generic ones.
 */
final class WireWriter {

    private final SchemaRegistryClient registry;
    private final AvroSerdeConfig config;
    private final boolean isKey;
    private final BiFunction<Object, Schema, DatumWriter<Object>> writerFactory;
    private final LruCache<PlanKey, WritePlan> plans;
    // Nearly every serializer writes one type to one topic: one volatile read instead of a lock.
    private volatile WritePlan lastPlan;

    WireWriter(
            SchemaRegistryClient registry,
            AvroSerdeConfig config,
            boolean isKey,
            BiFunction<Object, Schema, DatumWriter<Object>> writerFactory) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.config = Objects.requireNonNull(config, "config");
        this.isKey = isKey;
        this.writerFactory = Objects.requireNonNull(writerFactory, "writerFactory");
        this.plans = new LruCache<>(config.cacheCapacity());
    }

    byte[] serialize(String topic, Object recordType, Schema schema, Object datum) {
        WritePlan plan = lastPlan;
        if (plan == null || plan.recordType != recordType || !plan.topic.equals(topic)) {
            plan = plans.getOrLoad(new PlanKey(topic, recordType), key -> newPlan(topic, recordType, schema));
            lastPlan = plan;
        }
        try {
            return WireEncoder.encode(plan.schemaId, plan.writer, datum);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Could not serialize a " + schema.getFullName() + " for topic '" + topic + "' (subject "
                            + plan.subject + ", schema id " + plan.schemaId + "): " + e.getMessage(),
                    e);
        }
    }

    private WritePlan newPlan(String topic, Object recordType, Schema schema) {
        String subject = SubjectNames.forTopic(topic, isKey);
        DatumWriter<Object> ownWriter = writerFactory.apply(recordType, schema);
        try {
            if (config.useLatestVersion()) {
                return latestVersionPlan(topic, recordType, subject, schema, ownWriter);
            }
            int id = config.autoRegisterSchemas()
                    ? registry.register(subject, schema)
                    : registry.lookup(subject, schema).id();
            return new WritePlan(topic, recordType, subject, id, ownWriter);
        } catch (SchemaRegistryException | UncheckedIOException e) {
            String action = config.useLatestVersion()
                    ? "find the latest schema of"
                    : config.autoRegisterSchemas()
                            ? "register " + schema.getFullName() + " under"
                            : "find " + schema.getFullName() + " (auto.register.schemas=false) under";
            throw new SerializationException(
                    "Could not " + action + " subject " + subject + " for topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    private WritePlan latestVersionPlan(
            String topic, Object recordType, String subject, Schema own, DatumWriter<Object> ownWriter) {
        RegisteredSchema latest = registry.latestVersion(subject);
        // Schemas with the same parsing canonical form encode every datum to the same bytes.
        if (SchemaNormalization.toParsingForm(latest.schema()).equals(SchemaNormalization.toParsingForm(own))) {
            return new WritePlan(topic, recordType, subject, latest.id(), ownWriter);
        }
        Compatibility.problemsReading(own, latest.schema()).ifPresent(details -> {
            throw new SerializationException("use.latest.version: the latest schema of subject " + subject
                    + " (version " + latest.version() + ", id " + latest.id() + ") cannot hold records of "
                    + own.getFullName() + " written for topic '" + topic + "': " + details);
        });
        return new WritePlan(
                topic, recordType, subject, latest.id(), new LatestSchemaWriter(ownWriter, own, latest.schema()));
    }

    private record PlanKey(String topic, Object recordType) {}

    private static final class WritePlan {
        final String topic;
        final Object recordType;
        final String subject;
        final int schemaId;
        final DatumWriter<Object> writer;

        WritePlan(String topic, Object recordType, String subject, int schemaId, DatumWriter<Object> writer) {
            this.topic = topic;
            this.recordType = recordType;
            this.subject = subject;
            this.schemaId = schemaId;
            this.writer = writer;
        }
    }
}
