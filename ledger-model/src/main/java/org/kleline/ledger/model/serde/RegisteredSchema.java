package org.kleline.ledger.model.serde;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject in the schema registry.
 *
 * @param subject the subject, e.g. {@code ledger.events-value}
 * @param version the version within the subject, from 1
 * @param id the schema's global id, the one written after the magic byte
 * @param schema the schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {

    public RegisteredSchema {
        SubjectNames.requireSubject(subject);
        if (version < 1) {
            throw new IllegalArgumentException("version of subject '" + subject + "' must be >= 1, was " + version);
        }
        if (id < 0) {
            throw new IllegalArgumentException("schema id of subject '" + subject + "' must be >= 0, was " + id);
        }
        Objects.requireNonNull(schema, "schema");
    }
}
