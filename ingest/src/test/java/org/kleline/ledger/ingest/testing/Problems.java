package org.kleline.ledger.ingest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.kleline.ledger.web.json.LedgerJson;

/** Exact problem details bodies, for comparing answers to. */
public final class Problems {

    private Problems() {}

    public static JsonNode validation(String detail, String field) {
        return body("validation", "Request failed validation", 400, detail, field, null);
    }

    public static JsonNode validationAtLine(String detail, String field, int line) {
        return body("validation", "Request failed validation", 400, detail, field, line);
    }

    public static JsonNode malformed(String detail, String field) {
        return body("malformed-json", "Request body is not valid JSON for this endpoint", 400, detail, field, null);
    }

    /** A 503 the client should retry: the log did not acknowledge, or too many writes wait for their outcome. */
    public static JsonNode unavailable(String detail) {
        return body("unavailable", "Service unavailable, retry later", 503, detail, null, null);
    }

    public static JsonNode body(String kind, String title, int status, String detail, String field, Integer line) {
        ObjectNode node = LedgerJson.mapper()
                .createObjectNode()
                .put("type", "urn:kleline:ledger:problem:" + kind)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (field != null) {
            node.put("field", field);
        }
        if (line != null) {
            node.put("line", line);
        }
        return node;
    }

    public static void assertProblem(HttpResponse<String> response, JsonNode expected) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.statusCode()).isEqualTo(expected.get("status").asInt());
        assertThat(IngestHarness.json(response.body())).isEqualTo(expected);
    }
}
