package org.kleline.ledger.web.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON setup of the HTTP API. Strict on the way in, because a money API must not guess: an
 * unknown field, a number given as a string or a string field given as a number or boolean, a fraction
 * where an integer is due, a trailing token or a duplicated key is refused rather than coerced. Times
 * are written as ISO-8601 strings.
 */
public final class LedgerJson {

    /** No body of the API nests deeper than 3; a few levels more leave room, 10,000 nested brackets do not. */
    public static final int NESTING_DEPTH_MAX = 32;
    /** A long has 19 digits; a number of a thousand digits is no amount, and parsing it costs. */
    public static final int NUMBER_LENGTH_MAX = 100;
    /** No string field holds more than a body may (1 MiB); a field name is never long. */
    public static final int STRING_LENGTH_MAX = 1024 * 1024;

    public static final int NAME_LENGTH_MAX = 1_000;

    private static final ObjectMapper MAPPER = build();

    private LedgerJson() {}

    /** The shared, thread-safe mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        // Written out rather than Jackson's defaults (1,000 levels, 1,000 digits, 20 MB strings): past them, a 400.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(NESTING_DEPTH_MAX)
                        .maxNumberLength(NUMBER_LENGTH_MAX)
                        .maxStringLength(STRING_LENGTH_MAX)
                        .maxNameLength(NAME_LENGTH_MAX)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Integers given for an Instant are epoch milliseconds, as everywhere in the ledger.
                .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // That switch leaves a number or boolean read into a String field as its text ("walletId": 7
                // would be the wallet "7"): an identifier is a string or the write is refused.
                .withCoercionConfig(
                        LogicalType.Textual,
                        textual -> textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
