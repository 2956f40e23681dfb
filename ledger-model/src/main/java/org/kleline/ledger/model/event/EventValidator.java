package org.kleline.ledger.model.event;

import java.time.Instant;
import java.time.LocalDate;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.model.id.IdSyntax;
import org.kleline.ledger.model.id.PayoutId;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.money.RequestedAmount;
import org.kleline.ledger.model.validation.InvalidFieldException;
import org.kleline.ledger.model.validation.TimeRange;

/**
 * The contract of an event, checked before it may enter the log (ingest answers a failure
 * with 400) and again by whoever reads the log (projector, audit): ids, amounts, currencies,
 * fee plans, times within {@link TimeRange}, {@code effectiveFrom} not earlier than {@code occurredAt},
 * and the payout ids reserved for settlement runs.
 *
 * <p>Fields are checked in the order of the payload's schema and the first at fault is
 * reported, named as in the HTTP contract ({@code amount}, {@code feePlan.cardBps}). Check
 * an event once {@code occurredAt} is set: ingest stamps it before validating.
 */
public final class EventValidator {

    /** The limits of these texts (docs/domain.md): none would be needed by the rules, these keep one event small. */
    public static final int NAME_LENGTH_MAX = 200;

    public static final int REASON_CODE_LENGTH_MAX = 64;

    private EventValidator() {}

    /**
     * Validates an event written by hand (the HTTP writes and the NDJSON import): on top of the
     * contract, a payoutId starting with {@value PayoutId#SETTLEMENT_PREFIX} is refused.
     *
     * @throws InvalidFieldException naming the first field at fault
     */
    public static void requireValidRequest(EventEnvelope event) {
        validate(event, false);
    }

    /**
     * Validates an event as the log may hold it: a hand-made one, or a MerchantPaidOut a
     * settlement run made (payoutId exactly {@code po-{merchantId}-{businessDate}[-n]}, eventId
     * equal to it, amount >= 1 with no upper bound).
     *
     * @throws InvalidFieldException naming the first field at fault
     */
    public static void requireValidLogEvent(EventEnvelope event) {
        validate(event, true);
    }

    private static void validate(EventEnvelope event, boolean settlementPayoutAllowed) {
        if (event == null) {
            throw new InvalidFieldException("event", null, "is required");
        }
        Object payload = event.getPayload();
        boolean settlementPayout = settlementPayoutAllowed
                && payload instanceof MerchantPaidOut paidOut
                && PayoutId.isReserved(paidOut.getPayoutId());
        if (!settlementPayout) {
            IdSyntax.require("eventId", event.getEventId());
        }
        Instant occurredAt = event.getOccurredAt();
        if (occurredAt == null) {
            throw new InvalidFieldException("occurredAt", null, "is required");
        }
        TimeRange.require("occurredAt", occurredAt);
        LogPosition.requireValidAppendedAfter(event.getAppendedAfter());
        if (payload instanceof WalletToppedUp p) {
            IdSyntax.require("walletId", p.getWalletId());
            RequestedAmount.require("amount", p.getAmount());
        } else if (payload instanceof MicropaymentRequested p) {
            IdSyntax.require("walletId", p.getWalletId());
            IdSyntax.require("merchantId", p.getMerchantId());
            RequestedAmount.require("amount", p.getAmount());
        } else if (payload instanceof CardPaymentCaptured p) {
            IdSyntax.require("paymentId", p.getPaymentId());
            RequestedAmount.require("amount", p.getAmount());
        } else if (payload instanceof CardPaymentAuthorized p) {
            IdSyntax.require("paymentId", p.getPaymentId());
            IdSyntax.require("merchantId", p.getMerchantId());
            RequestedAmount.require("amount", p.getAmount());
            CurrencyCode.of("currency", p.getCurrency());
        } else if (payload instanceof WalletRedeemed p) {
            IdSyntax.require("walletId", p.getWalletId());
            RequestedAmount.require("amount", p.getAmount());
        } else if (payload instanceof WalletOpened p) {
            IdSyntax.require("walletId", p.getWalletId());
            CurrencyCode.of("currency", p.getCurrency());
            RequestedAmount.require("maxBalance", p.getMaxBalance());
        } else if (payload instanceof CardPaymentRefunded p) {
            IdSyntax.require("paymentId", p.getPaymentId());
            RequestedAmount.require("amount", p.getAmount());
        } else if (payload instanceof CardPaymentChargedBack p) {
            IdSyntax.require("paymentId", p.getPaymentId());
            RequestedAmount.require("amount", p.getAmount());
            requireText("reasonCode", p.getReasonCode(), REASON_CODE_LENGTH_MAX);
        } else if (payload instanceof MerchantPaidOut p) {
            validatePayout(event.getEventId(), p, settlementPayoutAllowed);
        } else if (payload instanceof MerchantOnboarded p) {
            IdSyntax.require("merchantId", p.getMerchantId());
            requireText("name", p.getName(), NAME_LENGTH_MAX);
            if (p.getPartnerId() != null) {
                IdSyntax.require("partnerId", p.getPartnerId());
            }
            CurrencyCode.of("currency", p.getCurrency());
            FeeSchedule.fromAvro(p.getFeePlan());
        } else if (payload instanceof MerchantFeePlanChanged p) {
            IdSyntax.require("merchantId", p.getMerchantId());
            FeeSchedule.fromAvro(p.getFeePlan());
            Instant effectiveFrom = TimeRange.require("effectiveFrom", p.getEffectiveFrom());
            if (effectiveFrom != null && effectiveFrom.isBefore(occurredAt)) {
                throw new InvalidFieldException(
                        "effectiveFrom",
                        effectiveFrom,
                        "must not be earlier than the event's occurredAt " + occurredAt);
            }
        } else {
            throw new InvalidFieldException(
                    "payload",
                    payload == null ? null : payload.getClass().getName(),
                    "must be one of the 11 event payloads");
        }
    }

    private static void validatePayout(String eventId, MerchantPaidOut payout, boolean settlementPayoutAllowed) {
        String merchantId = IdSyntax.require("merchantId", payout.getMerchantId());
        String payoutId = payout.getPayoutId();
        boolean settlement = PayoutId.isReserved(payoutId);
        if (settlement && !settlementPayoutAllowed) {
            throw new InvalidFieldException(
                    "payoutId",
                    payoutId,
                    "must not start with " + PayoutId.SETTLEMENT_PREFIX + " (reserved for settlement runs)");
        }
        if (!settlement) {
            IdSyntax.require("payoutId", payoutId);
        }
        LocalDate businessDate = payout.getBusinessDate();
        if (businessDate == null) {
            throw new InvalidFieldException("businessDate", null, "is required");
        }
        TimeRange.require("businessDate", businessDate);
        if (!settlement) {
            RequestedAmount.require("amount", payout.getAmount());
            return;
        }
        if (!PayoutId.isSettlementIdFor(payoutId, merchantId, businessDate)) {
            throw new InvalidFieldException(
                    "payoutId",
                    payoutId,
                    "must be po-" + merchantId + "-" + businessDate + "[-n] for a settlement payout");
        }
        if (!payoutId.equals(eventId)) {
            throw new InvalidFieldException(
                    "eventId", eventId, "must equal the payoutId of a settlement payout (" + payoutId + ")");
        }
        if (payout.getAmount() < 1) {
            throw new InvalidFieldException("amount", payout.getAmount(), "must be >= 1 minor units");
        }
    }

    private static void requireText(String field, String text, int lengthMax) {
        if (text == null || text.isBlank() || text.length() > lengthMax) {
            throw new InvalidFieldException(field, text, "must be 1.." + lengthMax + " characters, not blank");
        }
    }
}
