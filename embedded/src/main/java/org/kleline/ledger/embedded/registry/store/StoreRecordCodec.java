package org.kleline.ledger.embedded.registry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.kleline.ledger.embedded.registry.CompatibilityLevel;

/**
 * Keys and values of the schemas topic as JSON, laid out like Confluent's so the topic stays
 * readable by people and tools that know it. Keys are written with a fixed field order:
 * compaction compares key bytes.
 */
final class StoreRecordCodec {

    static final String KEY_TYPE_SCHEMA = "SCHEMA";
    static final String KEY_TYPE_CONFIG = "CONFIG";

    private final ObjectMapper json;

    StoreRecordCodec(ObjectMapper json) {
        this.json = json;
    }

    String schemaKey(String subject, int version) {
        ObjectNode key = json.createObjectNode();
        key.put("keytype", KEY_TYPE_SCHEMA);
        key.put("subject", subject);
        key.put("version", version);
        key.put("magic", 1);
        return write(key);
    }

    String schemaValue(String subject, int version, int id, String schema) {
        ObjectNode value = json.createObjectNode();
        value.put("subject", subject);
        value.put("version", version);
        value.put("id", id);
        value.put("schema", schema);
        value.put("deleted", false);
        return write(value);
    }

    String configKey(Optional<String> subject) {
        ObjectNode key = json.createObjectNode();
        key.put("keytype", KEY_TYPE_CONFIG);
        if (subject.isPresent()) {
            key.put("subject", subject.get());
        } else {
            key.putNull("subject");
        }
        key.put("magic", 0);
        return write(key);
    }

    String configValue(CompatibilityLevel level) {
        ObjectNode value = json.createObjectNode();
        value.put("compatibilityLevel", level.name());
        return write(value);
    }

    StoreRecord decode(String key, String value) {
        JsonNode keyNode = read(key, "key");
        String keyType = text(keyNode, "keytype")
                .orElseThrow(() -> new IllegalArgumentException("schemas topic key has no keytype: " + key));
        switch (keyType) {
            case KEY_TYPE_SCHEMA -> {
                String subject = text(keyNode, "subject")
                        .orElseThrow(() -> new IllegalArgumentException("SCHEMA key has no subject: " + key));
                int version = keyNode.path("version").asInt(-1);
                if (value == null) {
                    return new StoreRecord.SchemaVersion(subject, version, -1, null, true);
                }
                JsonNode valueNode = read(value, "value");
                String schemaType = text(valueNode, "schemaType").orElse("AVRO");
                if (!"AVRO".equals(schemaType)) {
                    return new StoreRecord.Ignored(KEY_TYPE_SCHEMA + "/" + schemaType);
                }
                return new StoreRecord.SchemaVersion(
                        subject,
                        version,
                        valueNode.path("id").asInt(-1),
                        text(valueNode, "schema")
                                .orElseThrow(
                                        () -> new IllegalArgumentException("SCHEMA value has no schema: " + value)),
                        valueNode.path("deleted").asBoolean(false));
            }
            case KEY_TYPE_CONFIG -> {
                Optional<String> subject = text(keyNode, "subject");
                if (value == null) {
                    return new StoreRecord.Config(subject, Optional.empty());
                }
                Optional<String> level = text(read(value, "value"), "compatibilityLevel");
                return new StoreRecord.Config(subject, level.map(CompatibilityLevel::parse));
            }
            default -> {
                return new StoreRecord.Ignored(keyType);
            }
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode child = node.get(field);
        return child == null || child.isNull() ? Optional.empty() : Optional.of(child.asText());
    }

    private JsonNode read(String text, String what) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schemas topic " + what + " is not JSON: " + text, e);
        }
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + node, e);
        }
    }
}
