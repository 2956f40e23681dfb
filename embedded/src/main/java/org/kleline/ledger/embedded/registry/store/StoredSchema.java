package org.kleline.ledger.embedded.registry.store;

import java.util.Objects;
import org.kleline.ledger.embedded.registry.schema.ParsedSchema;

/** One version of a subject: the schema and its global id. */
public record StoredSchema(String subject, int version, int id, ParsedSchema schema) {

    public StoredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        if (id < 1) {
            throw new IllegalArgumentException("id must be at least 1, was " + id);
        }
    }
}
