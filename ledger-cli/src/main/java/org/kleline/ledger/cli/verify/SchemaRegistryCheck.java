package org.kleline.ledger.cli.verify;

import java.io.UncheckedIOException;
import org.kleline.ledger.model.serde.SchemaRegistryClient;
import org.kleline.ledger.model.serde.SchemaRegistryException;
import org.kleline.ledger.model.serde.SubjectNames;

/**
 * Verify reads every record through the schema registry. A registry out of reach, or the wrong one, would
 * otherwise make every record "unreadable" (counted, not compared) and every journal record a difference:
 * a verdict about the ledger drawn from a fault of the audit's own. So the registry is asked once before
 * the log is read, and a record whose schema it could not give stops the audit instead of counting.
 */
final class SchemaRegistryCheck {

    private SchemaRegistryCheck() {}

    /**
     * Fails unless the registry at {@code url} knows the schema of {@code topic}'s values: any ledger
     * that appended a record to it registered that schema first.
     */
    static void requireKnows(SchemaRegistryClient registry, String url, String topic) {
        String subject = SubjectNames.forTopic(topic, false);
        try {
            registry.latestVersion(subject);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new AuditFailure(
                        "the schema registry at " + url + " has no schema " + subject + ", though " + topic
                                + " holds records: is this the ledger's registry? (--schema-registry-url)",
                        e);
            }
            throw unavailable(url, "GET /subjects/" + subject + "/versions/latest", e);
        } catch (UncheckedIOException e) {
            throw unavailable(url, "GET /subjects/" + subject + "/versions/latest", e);
        }
    }

    /**
     * Rethrows, as an {@link AuditFailure}, a deserialization that failed because the registry did not
     * give the record's schema (unreachable, or an error of its own); returns for a record that is itself
     * unreadable (a bad header, an unknown schema id, bytes that do not decode).
     */
    static void rethrowIfRegistryFailed(RuntimeException failure, String where) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UncheckedIOException
                    || (t instanceof SchemaRegistryException registry && !registry.isNotFound())) {
                throw new AuditFailure(
                        "the schema registry did not give the schema of the record at " + where
                                + " (--schema-registry-url): " + failure.getMessage(),
                        failure);
            }
        }
    }

    private static AuditFailure unavailable(String url, String what, RuntimeException cause) {
        return new AuditFailure(
                "the schema registry at " + url + " did not give " + what + " (--schema-registry-url): "
                        + cause.getMessage(),
                cause);
    }
}
