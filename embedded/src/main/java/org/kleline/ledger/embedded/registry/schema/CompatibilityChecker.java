package org.kleline.ledger.embedded.registry.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.kleline.ledger.embedded.registry.CompatibilityLevel;

/** Whether a candidate schema may follow earlier versions under a compatibility level. */
public final class CompatibilityChecker {

    private CompatibilityChecker() {}

    /**
     * Returns the incompatibilities found, empty when compatible.
     *
     * @param earlier the versions to check against, oldest first; a non-transitive level uses
     *                only the last one
     */
    public static List<String> incompatibilities(CompatibilityLevel level, Schema candidate, List<Schema> earlier) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return problems;
        }
        List<Schema> checked = level.transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        for (Schema previous : checked) {
            if (level.newReadsOld()) {
                describe(
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous),
                        "the new schema cannot read data written with an earlier one",
                        problems);
            }
            if (level.oldReadsNew()) {
                describe(
                        SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate),
                        "an earlier schema cannot read data written with the new one",
                        problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaPairCompatibility result, String direction, List<String> problems) {
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add("{errorType:'" + incompatibility.getType() + "', description:'" + direction + ": "
                    + incompatibility.getMessage() + "', location:'" + incompatibility.getLocation() + "'}");
        }
    }
}
