package org.kleline.ledger.model.cardpayment;

import java.time.Instant;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.decision.AggregateDecider;
import org.kleline.ledger.model.decision.DecidingEvent;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.decision.DecisionContext;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.decision.PaymentPostings;
import org.kleline.ledger.model.event.AggregateType;
import org.kleline.ledger.model.id.PaymentId;
import org.kleline.ledger.model.journal.PostingsBuilder;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.outcomes.RejectionReason;

/**
 * The rules of the card payment aggregate (key paymentId): authorization, captures, refunds
 * and chargebacks, checked in the order of the table of docs/domain.md after the DUPLICATE check.
 * Capture and chargeback fees use the merchant's fee plan at the capture's or chargeback's
 * own time; where the log records no merchant event before the capture or chargeback, it is
 * REJECTED with UNKNOWN_MERCHANT (docs/domain.md). Pure and thread-safe.
 */
public final class CardPaymentDecider extends AggregateDecider<CardPaymentState> {

    public CardPaymentDecider(BusinessCalendar calendar) {
        super(
                calendar,
                AggregateType.PAYMENT,
                "card payment",
                payment -> payment.paymentId().value());
    }

    @Override
    protected Decision<CardPaymentState> decideNew(
            CardPaymentState payment, Object payload, DecidingEvent deciding, DecisionContext context) {
        if (payload instanceof CardPaymentCaptured capture) {
            return capture(payment, deciding, capture.getAmount(), context);
        }
        if (payload instanceof CardPaymentAuthorized authorization) {
            return authorize(payment, deciding, authorization, context);
        }
        if (payload instanceof CardPaymentRefunded refund) {
            return refund(payment, deciding, refund.getAmount());
        }
        return chargeBack(payment, deciding, ((CardPaymentChargedBack) payload).getAmount(), context);
    }

    private static Decision<CardPaymentState> authorize(
            CardPaymentState payment,
            DecidingEvent deciding,
            CardPaymentAuthorized authorization,
            DecisionContext context) {
        if (payment != null) {
            return deciding.rejected(RejectionReason.ALREADY_EXISTS, payment);
        }
        Instant t = deciding.occurredAt();
        Optional<MerchantTerms> found = context.merchantTerms(authorization.getMerchantId(), t);
        if (found.isEmpty() || !found.get().onboardedBy(t)) {
            return deciding.rejected(RejectionReason.UNKNOWN_MERCHANT, null);
        }
        if (!found.get().currency().code().equals(authorization.getCurrency())) {
            return deciding.rejected(RejectionReason.CURRENCY_MISMATCH, null);
        }
        CardPaymentState authorized = CardPaymentState.authorized(
                new PaymentId(authorization.getPaymentId()),
                found.get().merchantId(),
                found.get().currency(),
                authorization.getAmount());
        return deciding.accepted(authorized);
    }

    private static Decision<CardPaymentState> capture(
            CardPaymentState payment, DecidingEvent deciding, long amountMinor, DecisionContext context) {
        RejectionReason rejection = amountRejection(
                payment, amountMinor, CardPaymentState::capturableMinor, RejectionReason.EXCEEDS_AUTHORIZED);
        if (rejection != null) {
            return deciding.rejected(rejection, payment);
        }
        Optional<MerchantTerms> terms = merchantOf(payment, deciding.occurredAt(), context);
        if (terms.isEmpty()) {
            return deciding.rejected(RejectionReason.UNKNOWN_MERCHANT, payment);
        }
        MerchantTerms merchant = terms.get();
        long feeMinor = merchant.feePlan().cardFee(amountMinor);
        long commissionMinor = merchant.commission(feeMinor);
        CurrencyCode currency = payment.currency();
        var postings = PaymentPostings.payment(
                AccountId.PLATFORM_CARD_CLEARING, merchant, currency, amountMinor, feeMinor, commissionMinor);
        var effect = SettlementEffect.payment(settlementKey(payment, deciding), amountMinor, feeMinor, commissionMinor);
        return deciding.accepted(postings, payment.withCaptured(amountMinor), effect);
    }

    private static Decision<CardPaymentState> refund(
            CardPaymentState payment, DecidingEvent deciding, long amountMinor) {
        RejectionReason rejection = returnRejection(payment, amountMinor);
        if (rejection != null) {
            return deciding.rejected(rejection, payment);
        }
        CurrencyCode currency = payment.currency();
        var postings = new PostingsBuilder()
                .add(AccountId.merchant(payment.merchantId()), currency, -amountMinor)
                .add(AccountId.PLATFORM_CARD_CLEARING, currency, amountMinor)
                .build();
        var effect = SettlementEffect.refund(settlementKey(payment, deciding), amountMinor);
        return deciding.accepted(postings, payment.withRefunded(amountMinor), effect);
    }

    private static Decision<CardPaymentState> chargeBack(
            CardPaymentState payment, DecidingEvent deciding, long amountMinor, DecisionContext context) {
        RejectionReason rejection = returnRejection(payment, amountMinor);
        if (rejection != null) {
            return deciding.rejected(rejection, payment);
        }
        Optional<MerchantTerms> terms = merchantOf(payment, deciding.occurredAt(), context);
        if (terms.isEmpty()) {
            return deciding.rejected(RejectionReason.UNKNOWN_MERCHANT, payment);
        }
        long chargebackFeeMinor = terms.get().feePlan().chargebackFee();
        CurrencyCode currency = payment.currency();
        var postings = new PostingsBuilder()
                .add(
                        AccountId.merchant(payment.merchantId()),
                        currency,
                        -Math.addExact(amountMinor, chargebackFeeMinor))
                .add(AccountId.PLATFORM_CARD_CLEARING, currency, amountMinor)
                .add(AccountId.PLATFORM_FEES, currency, chargebackFeeMinor)
                .build();
        var effect = SettlementEffect.chargeback(settlementKey(payment, deciding), amountMinor, chargebackFeeMinor);
        return deciding.accepted(postings, payment.withChargedBack(amountMinor), effect);
    }

    /**
     * The merchant of an existing payment at time t. It was onboarded when the payment was
     * authorized, so a missing one means the context lags the log: deciding without it would
     * invent a fee.
     */
    /**
     * The terms of the payment's merchant at {@code t}, as the merchant events before this event in the
     * log give them. Empty only when this event was sent before the merchant's onboarding was
     * acknowledged although its authorization was sent after (two requests at once): the log then
     * records no merchant before it, and the event is REJECTED with UNKNOWN_MERCHANT, as a
     * micropayment is, rather than decided on terms that depend on how fast the log is read.
     */
    private static Optional<MerchantTerms> merchantOf(CardPaymentState payment, Instant t, DecisionContext context) {
        return context.merchantTerms(payment.merchantId().value(), t);
    }

    /** Why a refund or chargeback of {@code amountMinor} is rejected, {@code null} when it is not. */
    private static RejectionReason returnRejection(CardPaymentState payment, long amountMinor) {
        return amountRejection(
                payment, amountMinor, CardPaymentState::returnableMinor, RejectionReason.EXCEEDS_CAPTURED);
    }

    /**
     * UNKNOWN_PAYMENT when there is no payment, {@code exceeded} when {@code amountMinor} is more than
     * its {@code limit}, {@code null} when the amount may be taken.
     */
    private static RejectionReason amountRejection(
            CardPaymentState payment,
            long amountMinor,
            ToLongFunction<CardPaymentState> limit,
            RejectionReason exceeded) {
        if (payment == null) {
            return RejectionReason.UNKNOWN_PAYMENT;
        }
        return amountMinor > limit.applyAsLong(payment) ? exceeded : null;
    }

    private static SettlementKey settlementKey(CardPaymentState payment, DecidingEvent deciding) {
        return new SettlementKey(payment.merchantId(), deciding.businessDate(), payment.currency());
    }
}
