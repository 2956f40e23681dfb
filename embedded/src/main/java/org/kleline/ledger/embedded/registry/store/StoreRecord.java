package org.kleline.ledger.embedded.registry.store;

import java.util.Optional;
import org.kleline.ledger.embedded.registry.CompatibilityLevel;

/** A record of the schemas topic, in the key and value layout of Confluent's {@code _schemas}. */
sealed interface StoreRecord {

    /** A subject version; a tombstone (null value) arrives as {@code deleted}. */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) implements StoreRecord {}

    /** The compatibility level of a subject, or the global one when the subject is empty. */
    record Config(Optional<String> subject, Optional<CompatibilityLevel> level) implements StoreRecord {}

    /** A key type this registry does not act on (NOOP, MODE, DELETE_SUBJECT...). */
    record Ignored(String keyType) implements StoreRecord {}
}
