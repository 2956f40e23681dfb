package org.kleline.ledger.embedded.registry.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.kleline.ledger.embedded.registry.CompatibilityLevel;
import org.kleline.ledger.embedded.registry.RegistryException;
import org.kleline.ledger.embedded.registry.SchemaRegistryConfig;
import org.kleline.ledger.embedded.registry.schema.CompatibilityChecker;
import org.kleline.ledger.embedded.registry.schema.ParsedSchema;
import org.kleline.ledger.embedded.registry.store.SchemasTopic.StoreFailure;

/**
 * Subjects, versions, ids and compatibility settings, kept in a compacted Kafka topic.
 *
 * <p>One writer at a time: a write first reads the topic to its end (so its decision sees every
 * earlier record), appends with acks=all, then reads its own record back before answering. The
 * in-memory catalog changes only by applying records read from the topic, so what a client was
 * told is exactly what a restart rebuilds. Reads are answered from the catalog.
 */
public final class SchemaStore implements AutoCloseable {

    private final SchemasTopic topic;
    private final SchemaCatalog catalog;
    private final StoreRecordCodec codec;
    private final ReentrantLock writer = new ReentrantLock();

    private SchemaStore(SchemasTopic topic, SchemaCatalog catalog, StoreRecordCodec codec) {
        this.topic = topic;
        this.catalog = catalog;
        this.codec = codec;
    }

    /** Creates the topic when absent and reads it to its end. */
    public static SchemaStore open(SchemaRegistryConfig config, ObjectMapper json) {
        SchemasTopic topic = SchemasTopic.open(
                config.bootstrapServers(), config.topic(), config.topicReplicationFactor(), config.storeTimeout());
        SchemaStore store =
                new SchemaStore(topic, new SchemaCatalog(config.defaultCompatibility()), new StoreRecordCodec(json));
        try {
            store.writer.lock();
            try {
                store.topic.readToEnd(store::apply);
            } finally {
                store.writer.unlock();
            }
        } catch (StoreFailure | RuntimeException e) {
            topic.close();
            throw new IllegalStateException(
                    "Cannot load the schemas topic '" + config.topic() + "': " + e.getMessage(), e);
        }
        return store;
    }

    /**
     * Registers {@code schema} under {@code subject}: the existing version when the subject
     * already has it; otherwise a new version, if compatible, reusing the id the same schema has
     * under any subject.
     */
    public StoredSchema register(String subject, ParsedSchema schema) {
        writer.lock();
        try {
            catchUp();
            Optional<StoredSchema> existing = catalog.versionOf(subject, schema.canonical());
            if (existing.isPresent()) {
                return existing.get();
            }
            List<String> problems = CompatibilityChecker.incompatibilities(
                    catalog.effectiveLevel(subject), schema.avro(), avroSchemas(catalog.versions(subject)));
            if (!problems.isEmpty()) {
                throw RegistryException.incompatible(subject, problems.toString());
            }
            int id = catalog.idOf(schema.canonical()).orElse(catalog.highestId() + 1);
            int version = catalog.highestVersion(subject) + 1;
            append(codec.schemaKey(subject, version), codec.schemaValue(subject, version, id, schema.canonical()));
            return catalog.version(subject, version)
                    .orElseThrow(() -> RegistryException.storeError(
                            "version " + version + " of '" + subject + "' was written but not read back", null));
        } finally {
            writer.unlock();
        }
    }

    /** The version of {@code subject} holding {@code schema}: 40401 or 40403 when there is none. */
    public StoredSchema lookup(String subject, ParsedSchema schema) {
        requireSubject(subject);
        return catalog.versionOf(subject, schema.canonical()).orElseThrow(RegistryException::schemaNotFound);
    }

    public ParsedSchema schemaById(int id) {
        return catalog.schemaById(id).orElseThrow(() -> RegistryException.schemaIdNotFound(id));
    }

    public List<String> subjects() {
        return catalog.subjects();
    }

    public List<Integer> versions(String subject) {
        return requireSubject(subject).stream().map(StoredSchema::version).toList();
    }

    public StoredSchema version(String subject, VersionSpec spec) {
        List<StoredSchema> versions = requireSubject(subject);
        if (spec.isLatest()) {
            return versions.get(versions.size() - 1);
        }
        return catalog.version(subject, spec.number())
                .orElseThrow(() -> RegistryException.versionNotFound(subject, spec.number()));
    }

    /**
     * The incompatibilities of {@code schema} with {@code subject} under its level: against one
     * given version, or (empty {@code against}, or latest) against what the level prescribes.
     */
    public List<String> compatibilityProblems(String subject, Optional<VersionSpec> against, ParsedSchema schema) {
        CompatibilityLevel level = catalog.effectiveLevel(subject);
        List<StoredSchema> earlier;
        if (against.isEmpty()) {
            earlier = catalog.versions(subject);
        } else if (against.get().isLatest()) {
            earlier = requireSubject(subject);
        } else {
            earlier = List.of(version(subject, against.get()));
        }
        return CompatibilityChecker.incompatibilities(level, schema.avro(), avroSchemas(earlier));
    }

    public CompatibilityLevel globalCompatibility() {
        return catalog.globalLevel();
    }

    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return catalog.subjectLevel(subject);
    }

    public CompatibilityLevel setGlobalCompatibility(CompatibilityLevel level) {
        writeConfig(Optional.empty(), level);
        return catalog.globalLevel();
    }

    public CompatibilityLevel setSubjectCompatibility(String subject, CompatibilityLevel level) {
        writeConfig(Optional.of(subject), level);
        return catalog.subjectLevel(subject)
                .orElseThrow(() -> RegistryException.storeError(
                        "the level of '" + subject + "' was written but not read back", null));
    }

    @Override
    public void close() {
        writer.lock();
        try {
            topic.close();
        } finally {
            writer.unlock();
        }
    }

    private void writeConfig(Optional<String> subject, CompatibilityLevel level) {
        writer.lock();
        try {
            catchUp();
            append(codec.configKey(subject), codec.configValue(level));
        } finally {
            writer.unlock();
        }
    }

    private List<StoredSchema> requireSubject(String subject) {
        List<StoredSchema> versions = catalog.versions(subject);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private void catchUp() {
        try {
            topic.readToEnd(this::apply);
        } catch (StoreFailure e) {
            throw RegistryException.storeError(e.getMessage(), e);
        }
    }

    private void append(String key, String value) {
        try {
            long offset = topic.write(key, value);
            topic.readUpTo(offset + 1, this::apply);
        } catch (StoreFailure e) {
            throw RegistryException.storeError(e.getMessage(), e);
        }
    }

    private void apply(long offset, ConsumerRecord<String, String> record) {
        StoreRecord decoded;
        try {
            decoded = codec.decode(record.key(), record.value());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Unreadable record at offset " + offset + " of " + record.topic() + ": " + e.getMessage(), e);
        }
        catalog.apply(decoded);
    }

    private static List<Schema> avroSchemas(List<StoredSchema> versions) {
        return versions.stream().map(registered -> registered.schema().avro()).toList();
    }
}
