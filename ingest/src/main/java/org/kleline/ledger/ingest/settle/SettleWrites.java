package org.kleline.ledger.ingest.settle;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.ingest.append.EventAppender;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.EventValidator;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.model.settlement.SettlementRun;
import org.kleline.ledger.model.validation.TimeRange;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.web.auth.AccessControl;
import org.kleline.ledger.web.problem.InvalidRequestException;
import org.kleline.ledger.web.problem.UnavailableException;

/**
 * {@code POST /v1/settlements/{date}/settle}: one MerchantPaidOut per merchant due on that date, by
 * ledger-model's settlement rule, all appended in one transaction. The rows are read through
 * {@link SettlementRows}, which answers only once they include every event appended before the
 * request (503 when the projector is behind), so a payout never comes from a row that lacks a refund
 * or chargeback already appended. Settling again appends nothing once the payouts are applied, and
 * before that the same eventIds, which are DUPLICATE: never paid twice.
 */
public final class SettleWrites {

    /** One payout made. */
    public record PayoutBody(String merchantId, String payoutId, long amount) {}

    /** The answer: the date settled and the payouts appended, in merchantId order. */
    public record Settled(LocalDate date, List<PayoutBody> payouts) {}

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Optional<SettlementRows> rows;
    private final EventAppender appender;
    private final Clock clock;

    public SettleWrites(Optional<SettlementRows> rows, EventAppender appender, Clock clock) {
        this.rows = rows;
        this.appender = appender;
        this.clock = clock;
    }

    public void handle(Context ctx) {
        LocalDate date = date(ctx.pathParam("date"));
        SettlementRows source = rows.orElseThrow(() -> new UnavailableException(
                "settlement rows are not readable on this node; settle through a node that serves queries"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // The rows are asked for now, so they include every event appended before this request.
        CompletableFuture<List<SettlementRow>> ofDate = rowsOf(source, date);
        String appendedBy = AccessControl.principal(ctx).appendedBy();
        ctx.future(() -> ofDate.thenCompose(settlementRows -> settle(date, settlementRows, now, appendedBy))
                .thenAccept(answer -> ctx.status(200).json(answer)));
    }

    private CompletableFuture<Settled> settle(
            LocalDate date, List<SettlementRow> settlementRows, Instant now, String appendedBy) {
        List<DailySettlement> ofDate =
                settlementRows.stream().map(DailySettlement::fromAvro).toList();
        List<MerchantPaidOut> payouts = SettlementRun.payouts(date, ofDate);
        List<KeyedEvent> events = payouts.stream()
                .map(payout -> {
                    EventEnvelope envelope = SettlementRun.toEvent(payout, now);
                    // Made by the rule, so a failure here is a bug, not a bad request: let it be a 500.
                    EventValidator.requireValidLogEvent(envelope);
                    return new KeyedEvent(AggregateKey.of(envelope).value(), envelope).appendedBy(appendedBy);
                })
                .toList();
        Settled answer = new Settled(
                date,
                payouts.stream()
                        .map(p -> new PayoutBody(p.getMerchantId(), p.getPayoutId(), p.getAmount()))
                        .toList());
        return appender.appendAll(events).thenApply(appended -> answer);
    }

    private static CompletableFuture<List<SettlementRow>> rowsOf(SettlementRows source, LocalDate date) {
        try {
            return source.rowsOn(date);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static LocalDate date(String text) {
        // Four-digit years only: ISO's +10000-01-01 parses, and would make payout ids no id syntax allows.
        if (!DATE.matcher(text).matches()) {
            throw new InvalidRequestException("date", "date must be YYYY-MM-DD, was '" + shown(text) + "'");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("date", "date must be YYYY-MM-DD, was '" + text + "'", e);
        }
        if (!TimeRange.contains(date)) {
            throw new InvalidRequestException("date", "date " + TimeRange.describeDates() + ", was " + date);
        }
        return date;
    }

    private static String shown(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
