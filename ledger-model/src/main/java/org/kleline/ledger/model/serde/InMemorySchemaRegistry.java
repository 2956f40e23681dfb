package org.kleline.ledger.model.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A schema registry in memory, selected by {@code schema.registry.url=mock://<scope>}, so
 * TopologyTestDriver and serde tests need no server. Same semantics as Confluent's mock registry:
 * one registry per scope shared by every client in the JVM, global ids assigned 1, 2, 3, ...,
 * the same schema text gets the same id under every subject, versions counted per subject, and
 * BACKWARD compatibility against the subject's latest version checked on registration.
 *
 * <p>Tests that want a clean registry use a scope of their own or {@link #dropScope} it.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    /** The URL scheme that selects this registry. */
    public static final String URL_PREFIX = "mock://";
    /** Bound of the schemas of one scope. */
    public static final int SCHEMAS_MAX = 10_000;
    /** Bound of the scopes alive at once in one JVM. */
    public static final int SCOPES_MAX = 1_000;

    private static final ConcurrentHashMap<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final String scope;
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> idsBySubjectVersion = new HashMap<>();
    private int nextId = 1;

    private InMemorySchemaRegistry(String scope) {
        this.scope = scope;
    }

    /** The registry of a scope, made on first use. */
    public static InMemorySchemaRegistry forScope(String scope) {
        Objects.requireNonNull(scope, "scope");
        if (scope.isBlank()) {
            throw new IllegalArgumentException("mock registry scope must not be blank, was '" + scope + "'");
        }
        InMemorySchemaRegistry existing = SCOPES.get(scope);
        if (existing != null) {
            return existing;
        }
        if (SCOPES.size() >= SCOPES_MAX) {
            throw new IllegalStateException("already " + SCOPES_MAX
                    + " mock registry scopes alive; tests should dropScope(...) the ones they are done with");
        }
        return SCOPES.computeIfAbsent(scope, InMemorySchemaRegistry::new);
    }

    /** The registry of a {@code mock://<scope>} URL. */
    public static InMemorySchemaRegistry forUrl(String url) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException(
                    "mock registry URL must be " + URL_PREFIX + "<scope>, was '" + url + "'");
        }
        return forScope(url.substring(URL_PREFIX.length()));
    }

    /** Forgets a scope's registry; clients holding it keep the old one. */
    public static void dropScope(String scope) {
        SCOPES.remove(Objects.requireNonNull(scope, "scope"));
    }

    public String scope() {
        return scope;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        String request = request("POST /subjects/" + SubjectNames.requireSubject(subject) + "/versions");
        String text = Objects.requireNonNull(schema, "schema").toString();
        List<Integer> versions = idsBySubjectVersion.get(subject);
        Integer knownId = idsBySchemaText.get(text);
        if (knownId != null && versions != null && versions.contains(knownId)) {
            return knownId;
        }
        if (versions != null) {
            requireBackwardCompatible(request, subject, schema, schemasById.get(versions.get(versions.size() - 1)));
        }
        int id = knownId != null ? knownId : newId(request, text, schema);
        idsBySubjectVersion.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        String request = request("POST /subjects/" + SubjectNames.requireSubject(subject));
        List<Integer> versions = subjectVersions(request, subject);
        Integer id =
                idsBySchemaText.get(Objects.requireNonNull(schema, "schema").toString());
        int index = id == null ? -1 : versions.indexOf(id);
        if (index < 0) {
            throw new SchemaRegistryException(
                    request, 404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
        }
        return new RegisteredSchema(subject, index + 1, id, schemasById.get(id));
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(
                    request("GET /schemas/ids/" + id),
                    404,
                    SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latestVersion(String subject) {
        String request = request("GET /subjects/" + SubjectNames.requireSubject(subject) + "/versions/latest");
        List<Integer> versions = subjectVersions(request, subject);
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), id, schemasById.get(id));
    }

    private List<Integer> subjectVersions(String request, String subject) {
        List<Integer> versions = idsBySubjectVersion.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(
                    request, 404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private int newId(String request, String text, Schema schema) {
        if (schemasById.size() >= SCHEMAS_MAX) {
            throw new SchemaRegistryException(
                    request,
                    422,
                    SchemaRegistryException.INVALID_SCHEMA,
                    "mock registry scope '" + scope + "' holds its limit of " + SCHEMAS_MAX + " schemas");
        }
        int id = nextId++;
        idsBySchemaText.put(text, id);
        schemasById.put(id, schema);
        return id;
    }

    private static void requireBackwardCompatible(String request, String subject, Schema reader, Schema latest) {
        Compatibility.problemsReading(latest, reader).ifPresent(details -> {
            throw new SchemaRegistryException(
                    request,
                    409,
                    SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\", details: " + details);
        });
    }

    private String request(String what) {
        return what + " (" + URL_PREFIX + scope + ")";
    }
}
