package org.kleline.ledger.embedded.registry.http;

import java.util.List;
import java.util.Locale;
import org.kleline.ledger.embedded.registry.RegistryException;

/** The content types of the Confluent Schema Registry API, for requests and responses. */
final class MediaTypes {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    static final String REGISTRY_JSON = "application/vnd.schemaregistry+json";
    static final String JSON = "application/json";
    static final String OCTET_STREAM = "application/octet-stream";

    /** What Confluent's resources consume; octet-stream is what some clients send by default. */
    private static final List<String> ACCEPTED_REQUEST_TYPES = List.of(V1_JSON, REGISTRY_JSON, JSON, OCTET_STREAM);

    private static final List<String> RESPONSE_TYPES = List.of(V1_JSON, REGISTRY_JSON, JSON);

    private MediaTypes() {}

    /** A body without Content-Type is read as JSON; any other type than the API's is a 415. */
    static void requireAcceptedRequestType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        if (!ACCEPTED_REQUEST_TYPES.contains(baseType(contentType))) {
            throw new RegistryException(
                    415,
                    "HTTP 415 Unsupported Media Type: '" + contentType + "'; send " + V1_JSON + ", " + REGISTRY_JSON
                            + " or " + JSON);
        }
    }

    /** The first of the API's types the client accepts; the v1 type when it states no preference. */
    static String responseType(String accept) {
        if (accept == null || accept.isBlank()) {
            return V1_JSON;
        }
        String best = null;
        double bestQuality = 0;
        for (String part : accept.split(",")) {
            String type = baseType(part);
            double quality = quality(part);
            String candidate = switch (type) {
                case "*/*", "application/*" -> V1_JSON;
                default -> RESPONSE_TYPES.contains(type) ? type : null;
            };
            if (candidate != null && quality > bestQuality) {
                best = candidate;
                bestQuality = quality;
            }
        }
        return best == null ? V1_JSON : best;
    }

    private static String baseType(String headerPart) {
        int semicolon = headerPart.indexOf(';');
        String type = semicolon < 0 ? headerPart : headerPart.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    private static double quality(String headerPart) {
        for (String parameter : headerPart.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.startsWith("q=")) {
                try {
                    return Double.parseDouble(trimmed.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
