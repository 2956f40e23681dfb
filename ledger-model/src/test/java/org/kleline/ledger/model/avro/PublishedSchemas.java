package org.kleline.ledger.model.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * Reads a directory of {@code .avsc} files that refer to each other by name (FeePlan,
 * Posting, the enums) with one {@link Schema.Parser}, each file after the ones it refers to.
 */
final class PublishedSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishedSchemas() {}

    /** Every named schema of {@code directory}, by full name. */
    static Map<String, Schema> parseDirectory(Path directory) {
        Map<String, Path> files = new TreeMap<>();
        Map<String, Set<String>> references = new TreeMap<>();
        for (Path file : avscFiles(directory)) {
            JsonNode root = read(file);
            String namespace = root.path("namespace").asText("");
            String fullName = fullName(namespace, root.path("name").asText());
            files.put(fullName, file);
            Set<String> referenced = new TreeSet<>();
            collectReferences(root, namespace, referenced);
            references.put(fullName, referenced);
        }
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (String fullName : dependencyOrder(references)) {
            try {
                schemas.put(fullName, parser.parse(files.get(fullName).toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }

    private static List<Path> avscFiles(Path directory) {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(path -> path.toString().endsWith(".avsc"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Type names appear as {@code type}, {@code items}, {@code values} and union members. */
    private static void collectReferences(JsonNode node, String namespace, Set<String> into) {
        if (node.isTextual()) {
            into.add(fullName(namespace, node.asText()));
        } else if (node.isArray()) {
            node.forEach(member -> collectReferences(member, namespace, into));
        } else if (node.isObject()) {
            for (String key : List.of("type", "items", "values")) {
                if (node.has(key)) {
                    collectReferences(node.get(key), namespace, into);
                }
            }
            node.path("fields").forEach(field -> collectReferences(field.path("type"), namespace, into));
        }
    }

    private static String fullName(String namespace, String name) {
        return name.contains(".") || namespace.isEmpty() ? name : namespace + "." + name;
    }

    /** Files first that refer to no other file still to come; primitives are not files, so they drop out. */
    private static List<String> dependencyOrder(Map<String, Set<String>> references) {
        List<String> order = new ArrayList<>();
        Set<String> remaining = new TreeSet<>(references.keySet());
        while (!remaining.isEmpty()) {
            String next = remaining.stream()
                    .filter(name -> references.get(name).stream()
                            .noneMatch(ref -> !ref.equals(name) && remaining.contains(ref)))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("schemas refer to each other in a cycle: " + remaining));
            order.add(next);
            remaining.remove(next);
        }
        return order;
    }
}
