package org.kleline.ledger.model.serde;

import org.apache.avro.Schema;

/**
 * The four calls of the Confluent Schema Registry REST API the serdes need. Two implementations:
 * {@link HttpSchemaRegistryClient} for a real server and {@link InMemorySchemaRegistry} for
 * {@code mock://<scope>} URLs; {@link SchemaRegistryClients#create} picks one from the URL.
 *
 * <p>Implementations are thread-safe. Errors the registry answers with are
 * {@link SchemaRegistryException}s ({@link SchemaRegistryException#isTransient()} for a 5xx, 429 or
 * 408); a registry that cannot be reached or does not answer in time is a
 * {@link SchemaRegistryUnreachableException}; an answer that cannot be understood is another
 * {@link java.io.UncheckedIOException}.
 */
public interface SchemaRegistryClient {

    /**
     * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}), or
     * finds it registered already, and returns its global id.
     */
    int register(String subject, Schema schema);

    /** Finds {@code schema} among the versions of {@code subject} ({@code POST /subjects/{subject}}). */
    RegisteredSchema lookup(String subject, Schema schema);

    /** The schema with a global id ({@code GET /schemas/ids/{id}}). */
    Schema schemaById(int id);

    /** The newest version of {@code subject} ({@code GET /subjects/{subject}/versions/latest}). */
    RegisteredSchema latestVersion(String subject);
}
