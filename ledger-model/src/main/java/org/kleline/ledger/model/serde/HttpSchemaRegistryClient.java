package org.kleline.ledger.model.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * A {@link SchemaRegistryClient} speaking the Confluent Schema Registry REST API over the JDK's
 * {@link HttpClient}. Works against Confluent Schema Registry, the embedded registry of this
 * project, or any server with the same API.
 *
 * <p>Schemas are cached by id and ids by (subject, schema), each cache bounded; the latest version
 * of a subject is never cached here, since it changes (the serializer keeps its own answer). With
 * several base URLs, a request goes to the one that last answered and moves on to the next when a
 * connection fails; the registry's error answers are not retried elsewhere.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    /** The Confluent REST API's content type, sent with every request body. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    /** Larger answers are refused: no schema of this project comes near it. */
    public static final int RESPONSE_BYTES_MAX = 8 * 1024 * 1024;

    private static final int ERROR_BODY_CHARS_MAX = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> baseUrls;
    /** The {@code Authorization} header of each base URL (same index), null for none. */
    private final List<Optional<String>> authorizations;

    private final HttpClient http;
    private final Duration requestTimeout;
    private final AtomicInteger preferredUrl = new AtomicInteger();
    private final LruCache<Integer, Schema> schemasById;
    private final LruCache<SubjectSchema, Integer> idsBySubjectSchema;
    private final LruCache<SubjectSchema, RegisteredSchema> versionsBySubjectSchema;

    /**
     * @param baseUrls the registry's base URLs, {@code http://} or {@code https://}, tried in order
     * @param connectTimeout the TCP (and TLS) connect timeout
     * @param requestTimeout the time from sending a request to having the whole answer
     * @param cacheCapacity the entries kept by each cache
     */
    public HttpSchemaRegistryClient(
            List<String> baseUrls, Duration connectTimeout, Duration requestTimeout, int cacheCapacity) {
        this(baseUrls, connectTimeout, requestTimeout, cacheCapacity, RegistrySecurity.NONE);
    }

    /**
     * As above, with the credentials and TLS stores of {@code security}; a {@code user:password@} in a URL
     * is sent as basic authentication (Confluent's {@code basic.auth.credentials.source=URL}), never in the URL.
     */
    public HttpSchemaRegistryClient(
            List<String> baseUrls,
            Duration connectTimeout,
            Duration requestTimeout,
            int cacheCapacity,
            RegistrySecurity security) {
        Objects.requireNonNull(baseUrls, "baseUrls");
        Objects.requireNonNull(security, "security");
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is needed");
        }
        List<URI> uris =
                baseUrls.stream().map(HttpSchemaRegistryClient::requireHttpUrl).toList();
        this.baseUrls =
                uris.stream().map(HttpSchemaRegistryClient::withoutUserInfo).toList();
        this.authorizations = uris.stream().map(security::authorizationFor).toList();
        this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(requirePositive(connectTimeout, "connectTimeout"))
                // Registries speak HTTP/1.1; an h2c upgrade attempt only adds a round of headers.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL);
        security.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
        this.schemasById = new LruCache<>(cacheCapacity);
        this.idsBySubjectSchema = new LruCache<>(cacheCapacity);
        this.versionsBySubjectSchema = new LruCache<>(cacheCapacity);
    }

    /** A client with the URLs, timeouts and cache bound of a serde configuration. */
    public static HttpSchemaRegistryClient create(AvroSerdeConfig config) {
        return new HttpSchemaRegistryClient(
                config.requireRegistryUrls(),
                config.connectTimeout(),
                config.readTimeout(),
                config.cacheCapacity(),
                config.security());
    }

    /** The base URLs, in the order they are tried. */
    public List<String> baseUrls() {
        return baseUrls;
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        return idsBySubjectSchema.getOrLoad(key, k -> {
            String path = "/subjects/" + encode(subject) + "/versions";
            JsonNode answer = send("POST", path, schemaBody(schema));
            int id = requiredInt(answer, "id", "POST " + path);
            schemasById.put(id, schema);
            return id;
        });
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        return versionsBySubjectSchema.getOrLoad(key, k -> {
            String path = "/subjects/" + encode(subject);
            RegisteredSchema found = registeredSchema(send("POST", path, schemaBody(schema)), subject, "POST " + path);
            idsBySubjectSchema.put(key, found.id());
            schemasById.put(found.id(), found.schema());
            return found;
        });
    }

    @Override
    public Schema schemaById(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("schema id must be >= 0, was " + id);
        }
        return schemasById.getOrLoad(id, k -> {
            String path = "/schemas/ids/" + id;
            return parseSchema(send("GET", path, null), "GET " + path);
        });
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        String path = "/subjects/" + encode(subject) + "/versions/latest";
        RegisteredSchema latest = registeredSchema(send("GET", path, null), subject, "GET " + path);
        schemasById.put(latest.id(), latest.schema());
        return latest;
    }

    private JsonNode send(String method, String path, String jsonBody) {
        String request = method + " " + path;
        IOException lastFailure = null;
        int start = preferredUrl.get();
        for (int attempt = 0; attempt < baseUrls.size(); attempt++) {
            int index = (start + attempt) % baseUrls.size();
            HttpRequest httpRequest =
                    httpRequest(baseUrls.get(index) + path, method, jsonBody, authorizations.get(index));
            try {
                HttpResponse<InputStream> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
                byte[] body = readBounded(response.body(), request);
                preferredUrl.set(index);
                return interpret(
                        request,
                        response.statusCode(),
                        body,
                        authorizations.get(index).isPresent());
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
        }
        throw new SchemaRegistryUnreachableException(
                "Schema registry unreachable: " + request + " failed at every URL of " + baseUrls + ", last with "
                        + lastFailure + tlsHint(lastFailure),
                lastFailure);
    }

    private HttpRequest httpRequest(String url, String method, String jsonBody, Optional<String> authorization) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout).header("Accept", ACCEPT);
        authorization.ifPresent(value -> builder.header("Authorization", value));
        if (jsonBody == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
                .build();
    }

    private static byte[] readBounded(InputStream body, String request) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes(RESPONSE_BYTES_MAX + 1);
            if (bytes.length > RESPONSE_BYTES_MAX) {
                throw new UncheckedIOException(new IOException(
                        request + ": the registry's answer is larger than " + RESPONSE_BYTES_MAX + " bytes"));
            }
            return bytes;
        }
    }

    /** What a TLS failure most likely needs: the trust store setting. */
    private static String tlsHint(IOException failure) {
        boolean tls = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            tls |= t instanceof javax.net.ssl.SSLException;
        }
        return tls
                ? " (a TLS failure: trust the registry's certificate with " + RegistrySecurity.SSL_TRUSTSTORE_LOCATION
                        + " and " + RegistrySecurity.SSL_TRUSTSTORE_PASSWORD + ", or the JVM's trust store)"
                : "";
    }

    private static JsonNode interpret(String request, int status, byte[] body, boolean credentialsSent) {
        if (status == 401 || status == 403) {
            String message = errorMessage(body);
            throw new SchemaRegistryException(
                    request,
                    status,
                    errorCode(body, status),
                    message + RegistrySecurity.credentialsHint(credentialsSent));
        }
        if (status >= 200 && status < 300) {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw malformed(request, "its body is not JSON: " + excerpt(body));
            }
        }
        JsonNode error = null;
        try {
            error = JSON.readTree(body);
        } catch (IOException notJson) {
            // A proxy's HTML page or an empty body: the status and the text are all there is.
        }
        if (error != null
                && error.path("error_code").canConvertToInt()
                && error.path("error_code").isIntegralNumber()) {
            String message =
                    error.path("message").isTextual() ? error.path("message").asText() : excerpt(body);
            throw new SchemaRegistryException(
                    request, status, error.path("error_code").intValue(), message);
        }
        throw new SchemaRegistryException(request, status, status, excerpt(body));
    }

    private static String errorMessage(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body);
            return error != null && error.path("message").isTextual()
                    ? error.path("message").asText()
                    : excerpt(body);
        } catch (IOException notJson) {
            return excerpt(body);
        }
    }

    private static int errorCode(byte[] body, int status) {
        try {
            JsonNode error = JSON.readTree(body);
            JsonNode code = error == null ? null : error.path("error_code");
            return code != null && code.isIntegralNumber() && code.canConvertToInt() ? code.intValue() : status;
        } catch (IOException notJson) {
            return status;
        }
    }

    private static RegisteredSchema registeredSchema(JsonNode answer, String subject, String request) {
        JsonNode answeredSubject = answer.path("subject");
        return new RegisteredSchema(
                answeredSubject.isTextual() ? answeredSubject.asText() : subject,
                requiredInt(answer, "version", request),
                requiredInt(answer, "id", request),
                parseSchema(answer, request));
    }

    private static Schema parseSchema(JsonNode answer, String request) {
        JsonNode schemaType = answer.path("schemaType");
        if (schemaType.isTextual() && !schemaType.asText().equals("AVRO")) {
            throw malformed(request, "the schema is of type " + schemaType.asText() + ", not AVRO");
        }
        JsonNode text = answer.path("schema");
        if (!text.isTextual()) {
            throw malformed(request, "field \"schema\" is missing or not a string");
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw malformed(request, "field \"schema\" is not a valid Avro schema: " + e.getMessage());
        }
    }

    private static int requiredInt(JsonNode answer, String field, String request) {
        JsonNode value = answer.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw malformed(request, "field \"" + field + "\" is missing or not an int, was " + value);
        }
        return value.intValue();
    }

    private static String schemaBody(Schema schema) {
        try {
            return JSON.writeValueAsString(JSON.createObjectNode().put("schema", schema.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the JSON body of schema " + schema.getFullName(), e);
        }
    }

    private static UncheckedIOException malformed(String request, String what) {
        return new UncheckedIOException(new IOException(request + ": the registry's answer is malformed: " + what));
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= ERROR_BODY_CHARS_MAX ? text : text.substring(0, ERROR_BODY_CHARS_MAX) + "...";
    }

    private static String encode(String subject) {
        return URLEncoder.encode(SubjectNames.requireSubject(subject), StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            String text = uri.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        }
        try {
            String text =
                    new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("schema registry URL is malformed: '" + uri + "'", e);
        }
    }

    private static URI requireHttpUrl(String url) {
        Objects.requireNonNull(url, "schema registry URL");
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schema registry URL is malformed: '" + url + "'", e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "schema registry URL must be http://host[:port][/path] or https://..., was '" + url + "'");
        }
        return uri;
    }

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }

    private record SubjectSchema(String subject, Schema schema) {
        SubjectSchema {
            SubjectNames.requireSubject(subject);
            Objects.requireNonNull(schema, "schema");
        }
    }
}
