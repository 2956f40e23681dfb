package org.kleline.ledger.model.serde;

import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Avro's reader/writer compatibility, said in one line a person can act on. */
final class Compatibility {

    private Compatibility() {}

    /** Why data written with {@code writer} cannot be read as {@code reader}; empty when it can. */
    static Optional<String> problemsReading(Schema writer, Schema reader) {
        SchemaPairCompatibility check = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (check.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return Optional.empty();
        }
        return Optional.of(check.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .collect(Collectors.joining("; ")));
    }
}
