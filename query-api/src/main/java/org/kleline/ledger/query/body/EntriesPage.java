package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code GET /v1/accounts/{accountId}/entries}: a page of lines and the cursor of the next page,
 * written as null on the last page (the field is always there).
 */
@JsonPropertyOrder({"entries", "nextCursor"})
public record EntriesPage(
        List<EntryBody> entries,
        @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

    public EntriesPage {
        entries = List.copyOf(entries);
    }
}
