package org.kleline.ledger.ingest.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.ingest.append.EventAppender;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.ingest.command.BodyReader;
import org.kleline.ledger.ingest.command.EventKind;
import org.kleline.ledger.ingest.command.EventValidation;
import org.kleline.ledger.ingest.command.PayloadBody;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.outcome.PendingOutcomes;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.web.auth.AccessControl;
import org.kleline.ledger.web.auth.Principal;
import org.kleline.ledger.web.auth.Role;
import org.kleline.ledger.web.problem.NotFoundException;
import org.kleline.ledger.web.problem.Problem;
import org.kleline.ledger.web.problem.ProblemException;
import org.kleline.ledger.web.problem.ProblemType;

/**
 * One write, one event: header checks, body to Avro, ledger-model's validation, then either the
 * original outcome (a retry), or an append answered 202 once acknowledged, or, with
 * {@code Prefer: wait=N}, the outcome when it is read within N seconds.
 */
final class SingleWrites {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IngestConfig config;
    private final EventAppender appender;
    private final PendingOutcomes pending;
    private final WriteAnswers answers;
    private final Clock clock;

    SingleWrites(
            IngestConfig config, EventAppender appender, PendingOutcomes pending, WriteAnswers answers, Clock clock) {
        this.config = config;
        this.appender = appender;
        this.pending = pending;
        this.answers = answers;
        this.clock = clock;
    }

    void handle(Context ctx, EventKind kind, Map<String, String> fromPath) {
        Instant received = clock.instant();
        String eventId = EventValidation.eventId(IDEMPOTENCY_KEY, ctx.header(IDEMPOTENCY_KEY));
        Optional<Duration> wait = PreferWait.parse(ctx.header(PreferWait.HEADER), config.maxWait());
        ObjectNode body = BodyReader.object(ctx.bodyAsBytes());
        PayloadBody payload = BodyReader.payload(kind, body, fromPath);
        EventEnvelope envelope = EventEnvelope.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(received.truncatedTo(ChronoUnit.MILLIS))
                .setPayload(payload.toAvro())
                .build();
        Principal principal = AccessControl.principal(ctx);
        KeyedEvent event = EventValidation.validated(envelope).appendedBy(principal.appendedBy());
        checkScope(principal, kind, payload, event);

        Optional<EventOutcome> earlier = answers.earlier(event);
        if (earlier.isPresent()) {
            answers.replayed(ctx, event, earlier.get());
            return;
        }
        if (wait.isEmpty() || wait.get().isZero()) {
            ctx.future(() -> appender.append(event).thenRun(() -> answers.pending(ctx, eventId)));
            return;
        }
        PendingOutcomes.Wait outcome = pending.register(eventId, event.key());
        Instant deadline = received.plus(wait.get());
        ctx.future(() -> appender.append(event)
                .thenCompose(acked -> within(outcome.outcome(), deadline))
                .thenAccept(decided -> answers.outcome(ctx, event, decided))
                .whenComplete((done, error) -> outcome.close()));
    }

    /**
     * A merchant key writes only for its own merchantId: an authorization naming another is 403; a
     * capture or refund of a payment the query side does not show as its own (another merchant's, or
     * none known yet) is 404, as for a payment that does not exist.
     */
    private void checkScope(Principal principal, EventKind kind, PayloadBody payload, KeyedEvent event) {
        if (!principal.is(Role.MERCHANT)) {
            return;
        }
        Object avro = event.envelope().getPayload();
        if (avro instanceof CardPaymentAuthorized authorized) {
            if (!principal.mayUseCardPaymentOf(authorized.getMerchantId())) {
                throw new ProblemException(Problem.of(
                                ProblemType.FORBIDDEN,
                                "this key writes only for merchant '" + principal.merchantId() + "', not '"
                                        + authorized.getMerchantId() + "'")
                        .withField("merchantId"));
            }
            return;
        }
        String paymentId = avro instanceof CardPaymentCaptured captured
                ? captured.getPaymentId()
                : avro instanceof CardPaymentRefunded refunded ? refunded.getPaymentId() : null;
        if (paymentId == null) {
            // The role matrix lets a merchant key write card payments only: anything else here is a wiring bug.
            throw new IllegalStateException("a merchant key reached " + kind);
        }
        Optional<String> owner = answers.merchantOfCardPayment(paymentId);
        if (owner.isEmpty() || !principal.mayUseCardPaymentOf(owner.get())) {
            throw new NotFoundException("no card payment '" + paymentId + "'");
        }
    }

    /** The outcome, or null once the deadline (counted from the request's arrival) passes. */
    private CompletableFuture<EventOutcome> within(CompletableFuture<EventOutcome> outcome, Instant deadline) {
        long leftMs = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
        return outcome.completeOnTimeout(null, leftMs, TimeUnit.MILLISECONDS);
    }
}
