package org.kleline.ledger.embedded.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kleline.ledger.embedded.registry.CompatibilityLevel;
import org.kleline.ledger.embedded.registry.RegistryAccess;
import org.kleline.ledger.embedded.registry.RegistryException;
import org.kleline.ledger.embedded.registry.schema.ParsedSchema;
import org.kleline.ledger.embedded.registry.store.SchemaStore;
import org.kleline.ledger.embedded.registry.store.StoredSchema;
import org.kleline.ledger.embedded.registry.store.VersionSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subset of the Confluent Schema Registry REST API that serializers and common tools use.
 * Every answer is JSON; every error is {@code {"error_code": n, "message": "..."}} with the
 * HTTP status of Confluent's code.
 */
public final class RegistryHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    /**
     * A refused body is read and dropped up to this size before answering: closing a socket
     * with unread input resets the connection, and the client would lose the 413 answer.
     */
    private static final long DISCARD_BYTES_MAX = 16L * 1024 * 1024;

    private final SchemaStore store;
    private final ObjectMapper json;
    private final int requestBodyMaxBytes;
    private final RegistryAccess access;

    public RegistryHttpHandler(SchemaStore store, ObjectMapper json, int requestBodyMaxBytes, RegistryAccess access) {
        this.access = access;
        this.store = store;
        this.json = json;
        this.requestBodyMaxBytes = requestBodyMaxBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String responseType =
                MediaTypes.responseType(exchange.getRequestHeaders().getFirst("Accept"));
        try {
            access.check(
                    exchange.getRequestMethod(),
                    segments(exchange.getRequestURI().getRawPath()),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst(RegistryAccess.OWNER_HEADER));
            JsonNode answer = route(exchange);
            respond(exchange, 200, responseType, answer);
        } catch (RegistryException e) {
            respondError(exchange, responseType, e);
        } catch (RuntimeException e) {
            LOG.error("Schema registry failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            respondError(exchange, responseType, new RegistryException(500, "Internal Server Error: " + e));
        } finally {
            exchange.close();
        }
    }

    private JsonNode route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        List<String> path = segments(exchange.getRequestURI().getRawPath());
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int size = path.size();
        String first = size > 0 ? path.get(0) : "";

        if (size == 0) {
            requireMethod(method, "GET");
            return json.createObjectNode();
        }
        if (first.equals("subjects")) {
            if (size == 1) {
                requireMethod(method, "GET");
                return subjects(query.get("subjectPrefix"));
            }
            String subject = path.get(1);
            if (size == 2) {
                requireMethod(method, "POST");
                return lookup(subject, body(exchange));
            }
            if (path.get(2).equals("versions")) {
                if (size == 3) {
                    if (method.equals("POST")) {
                        return register(subject, body(exchange));
                    }
                    requireMethod(method, "GET");
                    return intArray(store.versions(subject));
                }
                VersionSpec version = VersionSpec.parse(path.get(3));
                if (size == 4) {
                    requireMethod(method, "GET");
                    return versionNode(store.version(subject, version));
                }
                if (size == 5 && path.get(4).equals("schema")) {
                    requireMethod(method, "GET");
                    return rawSchema(store.version(subject, version).schema());
                }
            }
        }
        if (first.equals("schemas")) {
            if (size == 2 && path.get(1).equals("types")) {
                requireMethod(method, "GET");
                return json.createArrayNode().add(ParsedSchema.TYPE_AVRO);
            }
            if (size >= 3 && size <= 4 && path.get(1).equals("ids")) {
                int id = schemaId(path.get(2));
                if (size == 3) {
                    requireMethod(method, "GET");
                    ObjectNode node = json.createObjectNode();
                    node.put("schema", store.schemaById(id).canonical());
                    return node;
                }
                if (path.get(3).equals("schema")) {
                    requireMethod(method, "GET");
                    return rawSchema(store.schemaById(id));
                }
            }
        }
        if (first.equals("compatibility")
                && size >= 4
                && path.get(1).equals("subjects")
                && path.get(3).equals("versions")) {
            String subject = path.get(2);
            if (size == 4) {
                requireMethod(method, "POST");
                return compatibility(subject, Optional.empty(), body(exchange), query);
            }
            if (size == 5) {
                requireMethod(method, "POST");
                return compatibility(subject, Optional.of(VersionSpec.parse(path.get(4))), body(exchange), query);
            }
        }
        if (first.equals("config")) {
            if (size == 1) {
                if (method.equals("PUT")) {
                    CompatibilityLevel level = store.setGlobalCompatibility(requestedLevel(body(exchange)));
                    return compatibilityAnswer(level);
                }
                requireMethod(method, "GET");
                return levelNode(store.globalCompatibility());
            }
            if (size == 2) {
                String subject = path.get(1);
                if (method.equals("PUT")) {
                    CompatibilityLevel level = store.setSubjectCompatibility(subject, requestedLevel(body(exchange)));
                    return compatibilityAnswer(level);
                }
                requireMethod(method, "GET");
                Optional<CompatibilityLevel> level = store.subjectCompatibility(subject);
                if (level.isPresent()) {
                    return levelNode(level.get());
                }
                if (Boolean.parseBoolean(query.get("defaultToGlobal"))) {
                    return levelNode(store.globalCompatibility());
                }
                throw RegistryException.subjectCompatibilityNotFound(subject);
            }
        }
        throw new RegistryException(404, "HTTP 404 Not Found");
    }

    /** The schema itself as the JSON body, not wrapped in a string, as Confluent's {@code /schema} endpoints do. */
    private JsonNode rawSchema(ParsedSchema schema) {
        try {
            return json.readTree(schema.canonical());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored schema is not JSON: " + schema.canonical(), e);
        }
    }

    private JsonNode subjects(String prefix) {
        ArrayNode subjects = json.createArrayNode();
        store.subjects().stream()
                .filter(subject -> prefix == null || subject.startsWith(prefix))
                .forEach(subjects::add);
        return subjects;
    }

    private JsonNode register(String subject, JsonNode body) {
        if (body.hasNonNull("id")) {
            throw RegistryException.operationNotPermitted("Registering with a given id needs IMPORT mode, which this"
                    + " registry does not offer; leave out \"id\"");
        }
        StoredSchema registered = store.register(subject, schemaOf(body));
        ObjectNode answer = json.createObjectNode();
        answer.put("id", registered.id());
        return answer;
    }

    private JsonNode lookup(String subject, JsonNode body) {
        return versionNode(store.lookup(subject, schemaOf(body)));
    }

    private JsonNode compatibility(
            String subject, Optional<VersionSpec> version, JsonNode body, Map<String, String> query) {
        List<String> problems = store.compatibilityProblems(subject, version, schemaOf(body));
        ObjectNode answer = json.createObjectNode();
        answer.put("is_compatible", problems.isEmpty());
        if (Boolean.parseBoolean(query.get("verbose"))) {
            ArrayNode messages = answer.putArray("messages");
            problems.forEach(messages::add);
        }
        return answer;
    }

    private ParsedSchema schemaOf(JsonNode body) {
        String schemaType = body.path("schemaType").asText(ParsedSchema.TYPE_AVRO);
        if (!ParsedSchema.TYPE_AVRO.equals(schemaType)) {
            throw RegistryException.invalidSchema("schema type '" + schemaType + "' is not supported; this registry"
                    + " stores " + ParsedSchema.TYPE_AVRO + " schemas only");
        }
        JsonNode references = body.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw RegistryException.invalidSchema(
                    "schema references are not supported; inline the referenced" + " types in the schema");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryException.invalidSchema(
                    "the body must have a \"schema\" field holding the schema as a" + " JSON string");
        }
        return ParsedSchema.parse(schema.asText());
    }

    private static CompatibilityLevel requestedLevel(JsonNode body) {
        JsonNode level = body.get("compatibility");
        if (level == null || !level.isTextual()) {
            throw RegistryException.invalidCompatibilityLevel(level == null ? null : level.toString());
        }
        return CompatibilityLevel.parse(level.asText());
    }

    private JsonNode compatibilityAnswer(CompatibilityLevel level) {
        ObjectNode answer = json.createObjectNode();
        answer.put("compatibility", level.name());
        return answer;
    }

    private JsonNode levelNode(CompatibilityLevel level) {
        ObjectNode answer = json.createObjectNode();
        answer.put("compatibilityLevel", level.name());
        return answer;
    }

    private JsonNode versionNode(StoredSchema registered) {
        ObjectNode node = json.createObjectNode();
        node.put("subject", registered.subject());
        node.put("version", registered.version());
        node.put("id", registered.id());
        node.put("schema", registered.schema().canonical());
        return node;
    }

    private JsonNode intArray(List<Integer> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        MediaTypes.requireAcceptedRequestType(exchange.getRequestHeaders().getFirst("Content-Type"));
        byte[] bytes = RequestBody.read(
                exchange.getRequestBody(),
                exchange.getRequestHeaders().getFirst("Content-Length"),
                requestBodyMaxBytes);
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        JsonNode body;
        try {
            body = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new RegistryException(400, "The request body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new RegistryException(400, "The request body must be a JSON object");
        }
        return body;
    }

    private static int schemaId(String text) {
        try {
            int id = Integer.parseInt(text);
            if (id < 1) {
                throw RegistryException.schemaIdNotFound(id);
            }
            return id;
        } catch (NumberFormatException e) {
            throw new RegistryException(40403, "Schema '" + text + "' not found: ids are positive integers");
        }
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new RegistryException(405, "HTTP 405 Method Not Allowed");
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "true" : pair.substring(equals + 1);
            parameters.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private void respondError(HttpExchange exchange, String responseType, RegistryException error) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("error_code", error.errorCode());
        body.put("message", error.getMessage());
        int status = error.httpStatus();
        boolean refusedUnread = status == 413 || status == 401 || status == 403;
        if (refusedUnread && !RequestBody.discard(exchange.getRequestBody(), DISCARD_BYTES_MAX)) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        if (status == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"schema-registry\"");
        }
        respond(exchange, error.httpStatus(), responseType, body);
    }

    private void respond(HttpExchange exchange, int status, String responseType, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", responseType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
