package org.kleline.ledger.embedded.registry.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.kleline.ledger.embedded.registry.CompatibilityLevel;
import org.kleline.ledger.embedded.registry.schema.ParsedSchema;

/**
 * The registry's state, rebuilt from the schemas topic and changed only by applying its
 * records. Readers answer from it without touching Kafka.
 */
final class SchemaCatalog {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, TreeMap<Integer, StoredSchema>> subjects = new TreeMap<>();
    /** Versions ever used per subject, deleted ones included: a version number is never reused. */
    private final Map<String, Integer> highestVersions = new HashMap<>();

    private final Map<Integer, ParsedSchema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private final CompatibilityLevel defaultLevel;
    private CompatibilityLevel globalLevel;
    private int highestId;

    SchemaCatalog(CompatibilityLevel defaultLevel) {
        this.defaultLevel = defaultLevel;
    }

    void apply(StoreRecord record) {
        lock.writeLock().lock();
        try {
            if (record instanceof StoreRecord.SchemaVersion version) {
                applySchema(version);
            } else if (record instanceof StoreRecord.Config config) {
                applyConfig(config);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void applySchema(StoreRecord.SchemaVersion record) {
        highestVersions.merge(record.subject(), record.version(), Math::max);
        TreeMap<Integer, StoredSchema> versions = subjects.get(record.subject());
        if (record.schema() == null) {
            if (versions != null) {
                versions.remove(record.version());
                if (versions.isEmpty()) {
                    subjects.remove(record.subject());
                }
            }
            return;
        }
        ParsedSchema schema = schemasById.computeIfAbsent(record.id(), id -> ParsedSchema.stored(record.schema()));
        idsByCanonical.putIfAbsent(schema.canonical(), record.id());
        highestId = Math.max(highestId, record.id());
        if (record.deleted()) {
            if (versions != null) {
                versions.remove(record.version());
                if (versions.isEmpty()) {
                    subjects.remove(record.subject());
                }
            }
            return;
        }
        subjects.computeIfAbsent(record.subject(), s -> new TreeMap<>())
                .put(record.version(), new StoredSchema(record.subject(), record.version(), record.id(), schema));
    }

    private void applyConfig(StoreRecord.Config record) {
        if (record.subject().isEmpty()) {
            globalLevel = record.level().orElse(null);
        } else if (record.level().isPresent()) {
            subjectLevels.put(record.subject().get(), record.level().get());
        } else {
            subjectLevels.remove(record.subject().get());
        }
    }

    List<String> subjects() {
        return read(() -> List.copyOf(subjects.keySet()));
    }

    /** The live versions of a subject, oldest first; empty when the subject is unknown. */
    List<StoredSchema> versions(String subject) {
        return read(() -> {
            TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
            return versions == null ? List.of() : new ArrayList<>(versions.values());
        });
    }

    Optional<StoredSchema> version(String subject, int version) {
        return read(() -> {
            TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
            return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
        });
    }

    Optional<StoredSchema> versionOf(String subject, String canonical) {
        return read(() -> {
            TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
            if (versions == null) {
                return Optional.empty();
            }
            return versions.values().stream()
                    .filter(registered -> registered.schema().canonical().equals(canonical))
                    .findFirst();
        });
    }

    int highestVersion(String subject) {
        return read(() -> highestVersions.getOrDefault(subject, 0));
    }

    Optional<ParsedSchema> schemaById(int id) {
        return read(() -> Optional.ofNullable(schemasById.get(id)));
    }

    Optional<Integer> idOf(String canonical) {
        return read(() -> Optional.ofNullable(idsByCanonical.get(canonical)));
    }

    int highestId() {
        return read(() -> highestId);
    }

    CompatibilityLevel globalLevel() {
        return read(() -> globalLevel == null ? defaultLevel : globalLevel);
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return read(() -> Optional.ofNullable(subjectLevels.get(subject)));
    }

    CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevel(subject).orElseGet(this::globalLevel);
    }

    /** What {@code reading} gives under the read lock: never while a record is being applied. */
    private <T> T read(Supplier<T> reading) {
        lock.readLock().lock();
        try {
            return reading.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
