package org.kleline.ledger.query.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.projector.read.AccountHistory;
import org.kleline.ledger.projector.read.HistoryNotKeptException;
import org.kleline.ledger.query.body.OutcomeLookupBody;
import org.kleline.ledger.query.body.OutcomeLookupRequest;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.query.settle.CaughtUpSettlements;
import org.kleline.ledger.query.statement.StatementCursor;
import org.kleline.ledger.query.views.LedgerViews;
import org.kleline.ledger.web.auth.AccessControl;
import org.kleline.ledger.web.auth.Principal;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.outcome.OutcomeBody;
import org.kleline.ledger.web.problem.InvalidRequestException;
import org.kleline.ledger.web.problem.NotFoundException;
import org.kleline.ledger.web.server.HttpRoutes;

/**
 * The reads of docs/api.md: every GET over the projector's views, answered whole whichever node is asked; and
 * one extension, the bulk read of outcomes ({@value #OUTCOME_LOOKUP}).
 */
public final class ReadRoutes implements HttpRoutes {

    /** A statement page holds this many lines unless {@code limit} says otherwise. */
    public static final int DEFAULT_PAGE_LINES = 100;

    /** The query parameter asking for settlement rows that include every event appended before the request. */
    public static final String CAUGHT_UP = "caughtUp";

    /** The bulk read of outcomes, an extension of the original contract (docs/api.md). */
    public static final String OUTCOME_LOOKUP = "/v1/outcomes/lookup";

    /** The settlement summary, an extension of the original contract (docs/api.md). */
    public static final String SETTLEMENT_SUMMARY = "/v1/settlement-summary";

    /** A settlement summary covers at most this many dates (ten years and their leap days). */
    public static final int SUMMARY_DAYS_MAX = 3_653;

    private static final Set<String> NONE = Set.of();

    private final LedgerViews views;
    private final CaughtUpSettlements caughtUp;
    private final ZoneId zone;

    /**
     * @param caughtUp the rows of a date behind the projector's catch-up barrier, for {@code ?caughtUp=true}
     * @param zone     the settlement zone: a date given for an instant parameter is that business day
     */
    public ReadRoutes(LedgerViews views, CaughtUpSettlements caughtUp, ZoneId zone) {
        this.views = views;
        this.caughtUp = caughtUp;
        this.zone = zone;
    }

    @Override
    public void register(RoutesConfig routes) {
        /* The first outcome of an event: OutcomeBody; 404 until the projector has decided it. */
        routes.get("/v1/events/{eventId}", this::event);
        /*
         * Extension (not in the original contract; docs/api.md): the first outcomes of up to 1,000
         * eventIds in one request, body {"eventIds": [...]}, answer {"outcomes": [OutcomeBody in the
         * order asked], "unknown": [ids without one]}; each id read on its owner, one forwarded read per
         * other node. A POST only because 1,000 ids do not fit in a URL: it changes nothing.
         */
        routes.post(OUTCOME_LOOKUP, this::outcomeLookup);
        /* An account's balances per currency [{currency, balance, credits, debits}], now or ?asOf=. */
        routes.get("/v1/accounts/{accountId}/balances", this::balances);
        /* An account's statement {entries, nextCursor}: ?from=&to=&limit=(1..1000, 100)&cursor=. */
        routes.get("/v1/accounts/{accountId}/entries", this::entries);
        /* A wallet {walletId, currency, balance, maxBalance}. */
        routes.get("/v1/wallets/{walletId}", this::wallet);
        /* A merchant {merchantId, name, partnerId, currency, feePlan, balance}. */
        routes.get("/v1/merchants/{merchantId}", this::merchant);
        /* A card payment {paymentId, merchantId, currency, status, authorized, captured, refunded, chargedBack}. */
        routes.get("/v1/card-payments/{paymentId}", this::cardPayment);
        /* A merchant's settlement rows by date, ?from=&to= (dates, inclusive). */
        routes.get("/v1/merchants/{merchantId}/settlements", this::merchantSettlements);
        /*
         * Every merchant's settlement rows of a business date; CSV with Accept: text/csv. With ?caughtUp=true,
         * answered once they include every event appended before the request (what a settlement run reads),
         * 503 with Retry-After when the projector is still behind after 30 s.
         */
        routes.get("/v1/settlements/{date}", this::settlementsOn);
        /*
         * Extension (docs/api.md): the settlement rows of ?from=&to= (dates, inclusive, both required) summed per
         * currency, date, merchant and partner, with the OPEN rows (SettlementSummaryBody). Every instance sums its
         * own partitions; a merchant key gets its own merchant's rows only. What the dashboard reads.
         */
        routes.get(SETTLEMENT_SUMMARY, this::settlementSummary);
        /* The trial balance [{currency, total, accounts}]: total is 0 when the ledger is sound. */
        routes.get("/v1/trial-balance", this::trialBalance);
    }

    private void event(Context ctx) {
        String eventId = RequestParams.of(ctx, zone, NONE).eventId("eventId");
        Principal principal = AccessControl.principal(ctx);
        // Loaded first, then judged: an outcome outside the key's scope is answered as one that does not exist.
        ctx.json(views.outcome(eventId)
                .filter(outcome -> AccessControl.mayReadOutcome(ctx, outcome.key(), outcome.appendedBy()))
                .map(outcome -> outcome.shownTo(principal))
                .orElseThrow(() -> new NotFoundException("event '" + eventId + "' has no outcome yet")));
    }

    private void outcomeLookup(Context ctx) throws IOException {
        RequestParams.of(ctx, zone, NONE);
        List<String> eventIds =
                LookupIds.of(LedgerJson.mapper().readValue(ctx.bodyAsBytes(), OutcomeLookupRequest.class));
        Principal principal = AccessControl.principal(ctx);
        List<OutcomeBody> outcomes = views.outcomes(eventIds).stream()
                .filter(outcome -> AccessControl.mayReadOutcome(ctx, outcome.key(), outcome.appendedBy()))
                .map(outcome -> outcome.shownTo(principal))
                .toList();
        Set<String> found = new HashSet<>();
        outcomes.forEach(outcome -> found.add(outcome.eventId()));
        List<String> unknown =
                eventIds.stream().filter(id -> !found.contains(id)).toList();
        ctx.json(new OutcomeLookupBody(outcomes, unknown));
    }

    private void balances(Context ctx) {
        RequestParams params = RequestParams.of(ctx, zone, Set.of("asOf"));
        AccountId account = params.account("accountId");
        Instant asOf = params.instant("asOf", true);
        try {
            ctx.json(views.balances(account, asOf)
                    .filter(found -> mayReadAccount(ctx, account))
                    .orElseThrow(() -> unknownAccount(account)));
        } catch (HistoryNotKeptException e) {
            throw new InvalidRequestException("asOf", e.getMessage());
        }
    }

    private void entries(Context ctx) {
        RequestParams params = RequestParams.of(ctx, zone, Set.of("from", "to", "limit", "cursor"));
        AccountId account = params.account("accountId");
        Instant from = params.instant("from", false);
        Instant to = params.instant("to", true);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "from " + from + " must not be after to " + to);
        }
        int limit = params.integer("limit", 1, AccountHistory.PAGE_LINES_MAX, DEFAULT_PAGE_LINES);
        String cursorText = params.query("cursor");
        StatementCursor after = cursorText == null ? null : StatementCursor.decode(account.value(), cursorText);
        ctx.json(views.entries(
                        account,
                        from == null ? Instant.ofEpochMilli(Long.MIN_VALUE) : from,
                        to == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : to,
                        after,
                        limit)
                .filter(found -> mayReadAccount(ctx, account))
                .orElseThrow(() -> unknownAccount(account)));
    }

    private void wallet(Context ctx) {
        String walletId = RequestParams.of(ctx, zone, NONE).id("walletId");
        ctx.json(views.wallet(walletId).orElseThrow(() -> new NotFoundException("no wallet '" + walletId + "'")));
    }

    private void merchant(Context ctx) {
        String merchantId = RequestParams.of(ctx, zone, NONE).id("merchantId");
        ctx.json(views.merchant(merchantId)
                .filter(found -> AccessControl.principal(ctx).mayReadMerchant(merchantId))
                .orElseThrow(() -> unknownMerchant(merchantId)));
    }

    private void cardPayment(Context ctx) {
        String paymentId = RequestParams.of(ctx, zone, NONE).id("paymentId");
        ctx.json(views.cardPayment(paymentId)
                .filter(payment -> AccessControl.principal(ctx).mayUseCardPaymentOf(payment.merchantId()))
                .orElseThrow(() -> new NotFoundException("no card payment '" + paymentId + "'")));
    }

    private void merchantSettlements(Context ctx) {
        RequestParams params = RequestParams.of(ctx, zone, Set.of("from", "to"));
        String merchantId = params.id("merchantId");
        LocalDate from = params.queryDate("from");
        LocalDate to = params.queryDate("to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "from " + from + " must not be after to " + to);
        }
        ctx.json(views.merchantSettlements(merchantId, from, to)
                .filter(found -> AccessControl.principal(ctx).mayReadMerchant(merchantId))
                .orElseThrow(() -> unknownMerchant(merchantId)));
    }

    private void settlementsOn(Context ctx) {
        RequestParams params = RequestParams.of(ctx, zone, Set.of(CAUGHT_UP));
        LocalDate date = params.pathDate("date");
        if (params.bool(CAUGHT_UP, false)) {
            ctx.future(() -> caughtUp.bodiesOn(date).thenAccept(rows -> answerRows(ctx, rows)));
        } else {
            answerRows(ctx, views.settlementsOn(date));
        }
    }

    /** A merchant key sees its own rows of the date only; the other readers every row. */
    private static void answerRows(Context ctx, List<SettlementRowBody> all) {
        Principal principal = AccessControl.principal(ctx);
        List<SettlementRowBody> rows = all.stream()
                .filter(row -> principal.mayReadMerchant(row.merchantId()))
                .toList();
        if (SettlementCsv.wanted(ctx.header("Accept"))) {
            ctx.contentType(SettlementCsv.MEDIA_TYPE + "; charset=utf-8").result(SettlementCsv.write(rows));
        } else {
            ctx.json(rows);
        }
    }

    private void settlementSummary(Context ctx) {
        RequestParams params = RequestParams.of(ctx, zone, Set.of("from", "to"));
        LocalDate from = params.queryDate("from");
        LocalDate to = params.queryDate("to");
        if (from == null) {
            throw new InvalidRequestException("from", "from (a date, YYYY-MM-DD) is required");
        }
        if (to == null) {
            throw new InvalidRequestException("to", "to (a date, YYYY-MM-DD) is required");
        }
        if (from.isAfter(to)) {
            throw new InvalidRequestException("from", "from " + from + " must not be after to " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= SUMMARY_DAYS_MAX) {
            throw new InvalidRequestException(
                    "to", "a summary covers at most " + SUMMARY_DAYS_MAX + " dates, " + from + ".." + to + " has more");
        }
        ctx.json(views.settlementSummary(from, to, AccessControl.principal(ctx).merchantId()));
    }

    private void trialBalance(Context ctx) {
        RequestParams.of(ctx, zone, NONE);
        ctx.json(views.trialBalance());
    }

    private static boolean mayReadAccount(Context ctx, AccountId account) {
        return AccessControl.principal(ctx).mayReadAccount(account.value());
    }

    private static NotFoundException unknownAccount(AccountId account) {
        return new NotFoundException("no account '" + account.value() + "': nothing was ever posted to it and "
                + "nothing it belongs to exists");
    }

    private static NotFoundException unknownMerchant(String merchantId) {
        return new NotFoundException("no merchant '" + merchantId + "'");
    }
}
