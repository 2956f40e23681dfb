package org.kleline.ledger.web.outcome;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.web.auth.Principal;

/**
 * The outcome of one event as the HTTP API shows it: the body of {@code GET /v1/events/{eventId}}
 * and of a write answered after {@code Prefer: wait=N}. One shape for both, so a client sees the
 * same thing whichever way it asks. {@code reason} is present only when REJECTED, {@code postings}
 * only when ACCEPTED (possibly empty).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "eventId",
    "type",
    "key",
    "occurredAt",
    "outcome",
    "reason",
    "postings",
    "appendedBy",
    "payloadSha256"
})
public record OutcomeBody(
        String eventId,
        String type,
        String key,
        Instant occurredAt,
        String outcome,
        String reason,
        List<PostingBody> postings,
        String appendedBy,
        String payloadSha256) {

    /**
     * The body as {@code principal} may see it: {@code appendedBy} (the keyId that appended the event)
     * for admin and auditor only, {@code payloadSha256} (what ingest compares a retried request with)
     * for the ledger's own processes only.
     */
    public OutcomeBody shownTo(Principal principal) {
        return new OutcomeBody(
                eventId,
                type,
                key,
                occurredAt,
                outcome,
                reason,
                postings,
                principal.seesAppendedBy() ? appendedBy : null,
                principal.isNode() ? payloadSha256 : null);
    }

    /** One posting: credit positive, debit negative, minor units. */
    @JsonPropertyOrder({"account", "currency", "amount"})
    public record PostingBody(String account, String currency, long amount) {}

    public static OutcomeBody of(EventOutcome outcome) {
        boolean accepted = outcome.getOutcome() == Outcome.ACCEPTED;
        boolean rejected = outcome.getOutcome() == Outcome.REJECTED;
        List<PostingBody> postings = accepted
                ? outcome.getPostings().stream()
                        .map(p -> new PostingBody(p.getAccount(), p.getCurrency(), p.getAmount()))
                        .toList()
                : null;
        String reason =
                rejected && outcome.getReason() != null ? outcome.getReason().name() : null;
        return new OutcomeBody(
                outcome.getEventId(),
                outcome.getEventType().name(),
                outcome.getKey(),
                outcome.getOccurredAt(),
                outcome.getOutcome().name(),
                reason,
                postings,
                outcome.getAppendedBy(),
                outcome.getPayloadSha256());
    }
}
