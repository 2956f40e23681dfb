package org.kleline.ledger.web.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OpenAPI document read as a tree, with what the contract tests hold the code to: its operations by
 * {@code METHOD path} (as the server registers routes) and the problem types it lists.
 */
public record ApiDocument(JsonNode tree) {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    /** The copy of docs/openapi.json this jar serves. */
    public static ApiDocument served() {
        return parse(ApiDocsRoutes.document());
    }

    public static ApiDocument parse(byte[] json) {
        try {
            return new ApiDocument(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
    }

    /** Every operation by {@code METHOD path} ({@code GET /v1/wallets/{walletId}}), sorted. */
    public SortedMap<String, JsonNode> operations() {
        SortedMap<String, JsonNode> operations = new TreeMap<>();
        tree.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (METHODS.contains(operation.getKey())) {
                        operations.put(
                                operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                operation.getValue());
                    }
                }));
        return Collections.unmodifiableSortedMap(operations);
    }

    /** The {@code type} URIs a problem body may have ({@code components.schemas.Problem}). */
    public Set<String> problemTypes() {
        Set<String> types = new TreeSet<>();
        tree.path("components")
                .path("schemas")
                .path("Problem")
                .path("properties")
                .path("type")
                .path("enum")
                .forEach(type -> types.add(type.asText()));
        return Collections.unmodifiableSet(types);
    }
}
