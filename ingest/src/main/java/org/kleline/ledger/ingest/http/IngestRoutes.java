package org.kleline.ledger.ingest.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.kleline.ledger.ingest.append.EventAppender;
import org.kleline.ledger.ingest.bulk.BulkWrites;
import org.kleline.ledger.ingest.command.EventKind;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.ingest.outcome.PendingOutcomes;
import org.kleline.ledger.ingest.settle.SettleWrites;
import org.kleline.ledger.ingest.settle.SettlementRows;
import org.kleline.ledger.web.server.HttpRoutes;

/** The writes of docs/api.md: every POST appends events to {@code ledger.events}. */
public final class IngestRoutes implements HttpRoutes {

    private final SingleWrites single;
    private final BulkWrites bulk;
    private final SettleWrites settle;

    /**
     * @param pending   where writes with {@code Prefer: wait=N} wait; an {@code OutcomeWaiter} completes them
     * @param lookup    first outcomes by eventId, for answering retries without appending
     * @param rows      settlement rows by date, for settle; empty on a node that cannot read them (settle is 503)
     */
    public IngestRoutes(
            IngestConfig config,
            EventAppender appender,
            PendingOutcomes pending,
            OutcomeLookup lookup,
            Optional<SettlementRows> rows,
            Clock clock) {
        this.single = new SingleWrites(config, appender, pending, new WriteAnswers(lookup), clock);
        this.bulk = new BulkWrites(config, appender, clock);
        this.settle = new SettleWrites(rows, appender, clock);
    }

    @Override
    public void register(RoutesConfig routes) {
        /* MerchantOnboarded: body merchantId, name, partnerId?, currency, feePlan. */
        routes.post("/v1/merchants", ctx -> write(ctx, EventKind.MERCHANT_ONBOARDED));
        /* MerchantFeePlanChanged: body feePlan, effectiveFrom?. */
        routes.post(
                "/v1/merchants/{merchantId}/fee-plan",
                ctx -> write(ctx, EventKind.MERCHANT_FEE_PLAN_CHANGED, "merchantId"));
        /* MerchantPaidOut by hand: body payoutId (not po-...), businessDate, amount. */
        routes.post("/v1/merchants/{merchantId}/payouts", ctx -> write(ctx, EventKind.MERCHANT_PAID_OUT, "merchantId"));
        /* WalletOpened: body walletId, currency, maxBalance? (15000). */
        routes.post("/v1/wallets", ctx -> write(ctx, EventKind.WALLET_OPENED));
        /* WalletToppedUp: body amount. */
        routes.post("/v1/wallets/{walletId}/top-ups", ctx -> write(ctx, EventKind.WALLET_TOPPED_UP, "walletId"));
        /* WalletRedeemed: body amount. */
        routes.post("/v1/wallets/{walletId}/redemptions", ctx -> write(ctx, EventKind.WALLET_REDEEMED, "walletId"));
        /* MicropaymentRequested: body merchantId, amount. */
        routes.post(
                "/v1/wallets/{walletId}/micropayments",
                ctx -> write(ctx, EventKind.MICROPAYMENT_REQUESTED, "walletId"));
        /* CardPaymentAuthorized: body paymentId, merchantId, amount, currency. */
        routes.post("/v1/card-payments", ctx -> write(ctx, EventKind.CARD_PAYMENT_AUTHORIZED));
        /* CardPaymentCaptured: body amount. */
        routes.post(
                "/v1/card-payments/{paymentId}/captures",
                ctx -> write(ctx, EventKind.CARD_PAYMENT_CAPTURED, "paymentId"));
        /* CardPaymentRefunded: body amount. */
        routes.post(
                "/v1/card-payments/{paymentId}/refunds",
                ctx -> write(ctx, EventKind.CARD_PAYMENT_REFUNDED, "paymentId"));
        /* CardPaymentChargedBack: body amount, reasonCode. */
        routes.post(
                "/v1/card-payments/{paymentId}/chargebacks",
                ctx -> write(ctx, EventKind.CARD_PAYMENT_CHARGED_BACK, "paymentId"));
        /* Bulk and import: NDJSON, one event a line, all or nothing; answers {"accepted": n}. */
        routes.post("/v1/events", bulk::handle);
        /* Settle a business date: a MerchantPaidOut per merchant due; answers {"date", "payouts"}. */
        routes.post("/v1/settlements/{date}/settle", settle::handle);
    }

    private void write(Context ctx, EventKind kind) {
        single.handle(ctx, kind, Map.of());
    }

    private void write(Context ctx, EventKind kind, String pathParam) {
        single.handle(ctx, kind, Map.of(pathParam, ctx.pathParam(pathParam)));
    }
}
