package org.kleline.ledger.cli.docker;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A compose file read with Jackson's YAML parser, as Docker Compose reads it: anchors ({@code &name}) and
 * aliases ({@code *name}) expanded, and merge keys ({@code <<: *name}) merged under the keys written beside
 * them (which win). Jackson's tree reader leaves an alias as its name, so the tree is built here from the
 * parser's events.
 */
final class ComposeFile {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MERGE = "<<";

    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final YAMLParser parser;

    private ComposeFile(YAMLParser parser) {
        this.parser = parser;
    }

    static JsonNode read(Path file) throws IOException {
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            ComposeFile reader = new ComposeFile(parser);
            parser.nextToken();
            return reader.value();
        }
    }

    /** The value at the current token (its first token), the parser left on its last token. */
    private JsonNode value() throws IOException {
        if (parser.isCurrentAlias()) {
            JsonNode anchored = anchors.get(parser.getText());
            if (anchored == null) {
                throw new IOException("alias *" + parser.getText() + " before its anchor");
            }
            return anchored.deepCopy();
        }
        String anchor = parser.getCurrentAnchor();
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected " + parser.currentToken() + " at " + parser.currentLocation());
        };
        if (anchor != null) {
            anchors.put(anchor, value);
        }
        return value;
    }

    private ObjectNode object() throws IOException {
        Map<String, JsonNode> written = new LinkedHashMap<>();
        ObjectNode merged = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            JsonNode value = value();
            if (key.equals(MERGE)) {
                for (JsonNode source :
                        value.isArray() ? value : NODES.arrayNode().add(value)) {
                    for (Map.Entry<String, JsonNode> entry : source.properties()) {
                        if (!merged.has(entry.getKey())) {
                            merged.set(entry.getKey(), entry.getValue().deepCopy());
                        }
                    }
                }
            } else {
                written.put(key, value);
            }
        }
        ObjectNode result = NODES.objectNode();
        written.forEach(result::set);
        for (Map.Entry<String, JsonNode> entry : merged.properties()) {
            if (!result.has(entry.getKey())) {
                result.set(entry.getKey(), entry.getValue());
            }
        }
        return result;
    }

    private ArrayNode array() throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value());
        }
        return array;
    }
}
