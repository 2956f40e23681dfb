package org.kleline.ledger.model.cardpayment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.decision.DecisionContext;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.decision.PaymentPostings;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.AggregateType;
import org.kleline.ledger.model.event.EventTypes;
import org.kleline.ledger.model.event.EventValidator;
import org.kleline.ledger.model.id.MerchantId;
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
 * own time. Pure and thread-safe.
 */
public final class CardPaymentDecider {

    private final BusinessCalendar calendar;

    public CardPaymentDecider(BusinessCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Decides one card payment event.
     *
     * @param payment the payment's state before the event, {@code null} when it does not exist
     * @param event   a card payment event, valid per {@link EventValidator#requireValidLogEvent}
     * @param context seen eventIds and the merchant's terms
     * @throws org.kleline.ledger.model.validation.InvalidFieldException when the event is invalid
     * @throws IllegalArgumentException when it is not a card payment event, or {@code payment} is another payment's
     * @throws IllegalStateException    when the context does not know the merchant of an existing
     *                                  payment (its merchant store lags the log)
     */
    public Decision<CardPaymentState> decide(CardPaymentState payment, EventEnvelope event, DecisionContext context) {
        EventValidator.requireValidLogEvent(event);
        AggregateKey key = AggregateKey.of(event);
        if (key.type() != AggregateType.PAYMENT) {
            throw new IllegalArgumentException("not a card payment event: " + EventTypes.of(event));
        }
        if (payment != null && !payment.paymentId().value().equals(key.id())) {
            throw new IllegalArgumentException("state of payment " + payment.paymentId() + " given for " + key);
        }
        LocalDate businessDate = calendar.businessDate(event.getOccurredAt());
        if (context.seen(key, event.getEventId())) {
            return Decision.duplicate(event, key, businessDate, payment);
        }
        Object payload = event.getPayload();
        if (payload instanceof CardPaymentCaptured capture) {
            return capture(payment, event, key, businessDate, capture.getAmount(), context);
        }
        if (payload instanceof CardPaymentAuthorized authorization) {
            return authorize(payment, event, key, businessDate, authorization, context);
        }
        if (payload instanceof CardPaymentRefunded refund) {
            return refund(payment, event, key, businessDate, refund.getAmount());
        }
        return chargeBack(payment, event, key, businessDate, ((CardPaymentChargedBack) payload).getAmount(), context);
    }

    private static Decision<CardPaymentState> authorize(
            CardPaymentState payment,
            EventEnvelope event,
            AggregateKey key,
            LocalDate businessDate,
            CardPaymentAuthorized authorization,
            DecisionContext context) {
        if (payment != null) {
            return Decision.rejected(event, key, businessDate, RejectionReason.ALREADY_EXISTS, payment);
        }
        Instant t = event.getOccurredAt();
        Optional<MerchantTerms> found = context.merchantTerms(authorization.getMerchantId(), t);
        if (found.isEmpty() || !found.get().onboardedBy(t)) {
            return Decision.rejected(event, key, businessDate, RejectionReason.UNKNOWN_MERCHANT, null);
        }
        if (!found.get().currency().code().equals(authorization.getCurrency())) {
            return Decision.rejected(event, key, businessDate, RejectionReason.CURRENCY_MISMATCH, null);
        }
        CardPaymentState authorized = CardPaymentState.authorized(
                new PaymentId(authorization.getPaymentId()),
                found.get().merchantId(),
                found.get().currency(),
                authorization.getAmount());
        return Decision.accepted(event, key, businessDate, authorized);
    }

    private static Decision<CardPaymentState> capture(
            CardPaymentState payment,
            EventEnvelope event,
            AggregateKey key,
            LocalDate businessDate,
            long amountMinor,
            DecisionContext context) {
        if (payment == null) {
            return Decision.rejected(event, key, businessDate, RejectionReason.UNKNOWN_PAYMENT, null);
        }
        if (amountMinor > payment.capturableMinor()) {
            return Decision.rejected(event, key, businessDate, RejectionReason.EXCEEDS_AUTHORIZED, payment);
        }
        MerchantTerms merchant = merchantOf(payment, event.getOccurredAt(), context);
        long feeMinor = merchant.feePlan().cardFee(amountMinor);
        long commissionMinor = merchant.commission(feeMinor);
        CurrencyCode currency = payment.currency();
        var postings = PaymentPostings.payment(
                AccountId.PLATFORM_CARD_CLEARING, merchant, currency, amountMinor, feeMinor, commissionMinor);
        var effect =
                SettlementEffect.payment(settlementKey(payment, businessDate), amountMinor, feeMinor, commissionMinor);
        return Decision.accepted(event, key, businessDate, postings, payment.withCaptured(amountMinor), effect);
    }

    private static Decision<CardPaymentState> refund(
            CardPaymentState payment, EventEnvelope event, AggregateKey key, LocalDate businessDate, long amountMinor) {
        if (payment == null) {
            return Decision.rejected(event, key, businessDate, RejectionReason.UNKNOWN_PAYMENT, null);
        }
        if (amountMinor > payment.returnableMinor()) {
            return Decision.rejected(event, key, businessDate, RejectionReason.EXCEEDS_CAPTURED, payment);
        }
        CurrencyCode currency = payment.currency();
        var postings = new PostingsBuilder()
                .add(AccountId.merchant(payment.merchantId()), currency, -amountMinor)
                .add(AccountId.PLATFORM_CARD_CLEARING, currency, amountMinor)
                .build();
        var effect = SettlementEffect.refund(settlementKey(payment, businessDate), amountMinor);
        return Decision.accepted(event, key, businessDate, postings, payment.withRefunded(amountMinor), effect);
    }

    private static Decision<CardPaymentState> chargeBack(
            CardPaymentState payment,
            EventEnvelope event,
            AggregateKey key,
            LocalDate businessDate,
            long amountMinor,
            DecisionContext context) {
        if (payment == null) {
            return Decision.rejected(event, key, businessDate, RejectionReason.UNKNOWN_PAYMENT, null);
        }
        if (amountMinor > payment.returnableMinor()) {
            return Decision.rejected(event, key, businessDate, RejectionReason.EXCEEDS_CAPTURED, payment);
        }
        long chargebackFeeMinor =
                merchantOf(payment, event.getOccurredAt(), context).feePlan().chargebackFee();
        CurrencyCode currency = payment.currency();
        var postings = new PostingsBuilder()
                .add(
                        AccountId.merchant(payment.merchantId()),
                        currency,
                        -Math.addExact(amountMinor, chargebackFeeMinor))
                .add(AccountId.PLATFORM_CARD_CLEARING, currency, amountMinor)
                .add(AccountId.PLATFORM_FEES, currency, chargebackFeeMinor)
                .build();
        var effect = SettlementEffect.chargeback(settlementKey(payment, businessDate), amountMinor, chargebackFeeMinor);
        return Decision.accepted(event, key, businessDate, postings, payment.withChargedBack(amountMinor), effect);
    }

    /**
     * The merchant of an existing payment at time t. It was onboarded when the payment was
     * authorized, so a missing one means the context lags the log: deciding without it would
     * invent a fee.
     */
    private static MerchantTerms merchantOf(CardPaymentState payment, Instant t, DecisionContext context) {
        MerchantId merchantId = payment.merchantId();
        return context.merchantTerms(merchantId.value(), t)
                .orElseThrow(() -> new IllegalStateException("merchant " + merchantId + " of payment "
                        + payment.paymentId() + " is unknown to the context"));
    }

    private static SettlementKey settlementKey(CardPaymentState payment, LocalDate businessDate) {
        return new SettlementKey(payment.merchantId(), businessDate, payment.currency());
    }
}
