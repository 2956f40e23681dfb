package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.kleline.ledger.web.outcome.OutcomeBody;

/**
 * The answer of {@code POST /v1/outcomes/lookup}: each outcome as {@code GET /v1/events/{eventId}} shows
 * it, in the order asked, and the eventIds that have none yet (each would be a 404), in the order asked.
 */
@JsonPropertyOrder({"outcomes", "unknown"})
public record OutcomeLookupBody(List<OutcomeBody> outcomes, List<String> unknown) {

    public OutcomeLookupBody {
        outcomes = List.copyOf(outcomes);
        unknown = List.copyOf(unknown);
    }
}
