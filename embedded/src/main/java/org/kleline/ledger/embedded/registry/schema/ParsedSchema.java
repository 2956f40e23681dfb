package org.kleline.ledger.embedded.registry.schema;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.kleline.ledger.embedded.registry.RegistryException;

/**
 * An Avro schema as the registry stores it. The canonical text is Avro's own JSON rendering of
 * the parsed schema (whitespace and key order normalised, every attribute kept, defaults and
 * docs included), as Confluent stores Avro schemas: two texts with the same canonical form are
 * the same schema and get the same id. Avro's Parsing Canonical Form is not used because it
 * drops defaults, which decide compatibility.
 */
public record ParsedSchema(String canonical, Schema avro) {

    public static final String TYPE_AVRO = "AVRO";

    public ParsedSchema {
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(avro, "avro");
    }

    /** Parses a schema sent by a client; a bad one is a 42201 naming Avro's complaint. */
    public static ParsedSchema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("empty schema");
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new ParsedSchema(schema.toString(), schema);
    }

    /** Parses a schema read back from the store, which was valid when it was written. */
    public static ParsedSchema stored(String canonical) {
        Schema schema = new Schema.Parser().parse(canonical);
        return new ParsedSchema(schema.toString(), schema);
    }
}
