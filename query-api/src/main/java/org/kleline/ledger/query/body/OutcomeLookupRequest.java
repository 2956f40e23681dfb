package org.kleline.ledger.query.body;

import java.util.List;

/**
 * The body of {@code POST /v1/outcomes/lookup}: the eventIds whose outcomes are asked. Read as given and
 * checked by the route, so that each bad id is a 400 naming its index.
 *
 * @param eventIds the ids, 1 to {@link org.kleline.ledger.query.reads.OutcomesRead#KEYS_MAX}, none twice
 */
public record OutcomeLookupRequest(List<String> eventIds) {}
