package org.kleline.ledger.embedded.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain java.net.http client of the registry's REST API, as a serializer would use it. */
final class RegistryHttp {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String ownerSecret;

    /** A client of no particular standing: what any process on the machine may do. */
    RegistryHttp(String baseUrl) {
        this(baseUrl, null);
    }

    /** A client sending the registry's owner secret, as the process that runs it may. */
    RegistryHttp(String baseUrl, String ownerSecret) {
        this.baseUrl = baseUrl;
        this.ownerSecret = ownerSecret;
    }

    record Response(int status, String contentType, JsonNode body) {

        int errorCode() {
            return body.path("error_code").asInt();
        }

        String message() {
            return body.path("message").asText();
        }
    }

    static String schemaBody(String schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema);
        return body.toString();
    }

    static String compatibilityBody(String level) {
        return JSON.createObjectNode().put("compatibility", level).toString();
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", V1_JSON));
    }

    Response post(String path, String body) {
        return post(path, body, V1_JSON);
    }

    Response post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType)
                .header("Accept", V1_JSON));
    }

    Response put(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", V1_JSON)
                .header("Accept", V1_JSON));
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().header("Accept", V1_JSON));
    }

    /** Registers and returns the id, failing loudly on anything but 200. */
    int register(String subject, String schema) {
        Response response = post("/subjects/" + subject + "/versions", schemaBody(schema));
        if (response.status() != 200) {
            throw new IllegalStateException("registering under " + subject + " answered " + response);
        }
        return response.body().path("id").asInt();
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Response send(HttpRequest.Builder request) {
        if (ownerSecret != null) {
            request.header(RegistryAccess.OWNER_HEADER, ownerSecret);
        }
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
