package org.kleline.ledger.query.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kleline.ledger.model.id.EventId;
import org.kleline.ledger.model.id.IdSyntax;
import org.kleline.ledger.query.body.OutcomeLookupRequest;
import org.kleline.ledger.query.reads.OutcomesRead;
import org.kleline.ledger.web.problem.InvalidRequestException;

/**
 * The eventIds of a bulk outcome read, checked: present, 1 to {@link OutcomesRead#KEYS_MAX} of them,
 * each an event id, none twice (an answer lists each id once). A bad one is a 400 naming
 * {@code eventIds} or {@code eventIds[i]}.
 */
final class LookupIds {

    static final String FIELD = "eventIds";

    private LookupIds() {}

    static List<String> of(OutcomeLookupRequest request) {
        List<String> ids = request == null ? null : request.eventIds();
        if (ids == null) {
            throw new InvalidRequestException(
                    FIELD, FIELD + " is required: a JSON array of 1 to " + OutcomesRead.KEYS_MAX + " event ids");
        }
        if (ids.isEmpty() || ids.size() > OutcomesRead.KEYS_MAX) {
            throw new InvalidRequestException(
                    FIELD, FIELD + " must hold 1 to " + OutcomesRead.KEYS_MAX + " event ids, was " + ids.size());
        }
        Map<String, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String field = FIELD + "[" + i + "]";
            if (id == null) {
                throw new InvalidRequestException(field, field + " is null; give an event id");
            }
            try {
                new EventId(id);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(
                        field,
                        field + " '" + RequestParams.shown(id) + "' must match " + IdSyntax.PATTERN
                                + " (or be a settlement payout id)");
            }
            Integer earlier = firstAt.putIfAbsent(id, i);
            if (earlier != null) {
                throw new InvalidRequestException(
                        field,
                        field + " '" + RequestParams.shown(id) + "' is given twice (first as " + FIELD + "[" + earlier
                                + "]); give each id once");
            }
        }
        return List.copyOf(ids);
    }
}
