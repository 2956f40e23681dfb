package org.kleline.ledger.model.merchant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.decision.DecisionContext;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.AggregateType;
import org.kleline.ledger.model.event.EventTypes;
import org.kleline.ledger.model.event.EventValidator;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PartnerId;
import org.kleline.ledger.model.journal.PostingsBuilder;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.outcomes.RejectionReason;

/**
 * The rules of the merchant aggregate (key merchantId): onboarding, fee plan changes and
 * payouts, checked in the order of the table of docs/domain.md after the DUPLICATE check. A payout's
 * id is checked against {@link DecisionContext#payoutIdUsed}, not the state. Pure and
 * thread-safe.
 */
public final class MerchantDecider {

    private final BusinessCalendar calendar;

    public MerchantDecider(BusinessCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Decides one merchant event.
     *
     * @param merchant the merchant's state before the event, {@code null} when it does not exist
     * @param event    a merchant event, valid per {@link EventValidator#requireValidLogEvent}
     * @param context  seen eventIds and used payoutIds
     * @throws org.kleline.ledger.model.validation.InvalidFieldException when the event is invalid
     * @throws IllegalArgumentException when it is not a merchant event, or {@code merchant} is another merchant's
     */
    public Decision<MerchantState> decide(MerchantState merchant, EventEnvelope event, DecisionContext context) {
        EventValidator.requireValidLogEvent(event);
        AggregateKey key = AggregateKey.of(event);
        if (key.type() != AggregateType.MERCHANT) {
            throw new IllegalArgumentException("not a merchant event: " + EventTypes.of(event));
        }
        if (merchant != null && !merchant.merchantId().value().equals(key.id())) {
            throw new IllegalArgumentException("state of merchant " + merchant.merchantId() + " given for " + key);
        }
        LocalDate businessDate = calendar.businessDate(event.getOccurredAt());
        if (context.seen(key, event.getEventId())) {
            return Decision.duplicate(event, key, businessDate, merchant);
        }
        Object payload = event.getPayload();
        if (payload instanceof MerchantPaidOut payout) {
            return payOut(merchant, event, key, businessDate, payout, context);
        }
        if (payload instanceof MerchantOnboarded onboarding) {
            return onboard(merchant, event, key, businessDate, onboarding);
        }
        return changeFeePlan(merchant, event, key, businessDate, (MerchantFeePlanChanged) payload);
    }

    private static Decision<MerchantState> onboard(
            MerchantState merchant,
            EventEnvelope event,
            AggregateKey key,
            LocalDate businessDate,
            MerchantOnboarded onboarding) {
        if (merchant != null) {
            return Decision.rejected(event, key, businessDate, RejectionReason.ALREADY_EXISTS, merchant);
        }
        PartnerId partnerId = onboarding.getPartnerId() == null ? null : new PartnerId(onboarding.getPartnerId());
        MerchantState onboarded = MerchantState.onboarded(
                new MerchantId(onboarding.getMerchantId()),
                onboarding.getName(),
                partnerId,
                CurrencyCode.of(onboarding.getCurrency()),
                event.getOccurredAt(),
                FeeSchedule.fromAvro(onboarding.getFeePlan()));
        return Decision.accepted(event, key, businessDate, onboarded);
    }

    private static Decision<MerchantState> changeFeePlan(
            MerchantState merchant,
            EventEnvelope event,
            AggregateKey key,
            LocalDate businessDate,
            MerchantFeePlanChanged change) {
        if (merchant == null) {
            return Decision.rejected(event, key, businessDate, RejectionReason.UNKNOWN_MERCHANT, null);
        }
        Instant effectiveFrom = change.getEffectiveFrom() == null ? event.getOccurredAt() : change.getEffectiveFrom();
        var version = new FeePlanVersion(FeeSchedule.fromAvro(change.getFeePlan()), effectiveFrom);
        return Decision.accepted(event, key, businessDate, merchant.withFeePlan(version));
    }

    private static Decision<MerchantState> payOut(
            MerchantState merchant,
            EventEnvelope event,
            AggregateKey key,
            LocalDate businessDate,
            MerchantPaidOut payout,
            DecisionContext context) {
        if (merchant == null) {
            return Decision.rejected(event, key, businessDate, RejectionReason.UNKNOWN_MERCHANT, null);
        }
        if (context.payoutIdUsed(payout.getMerchantId(), payout.getPayoutId())) {
            return Decision.rejected(event, key, businessDate, RejectionReason.ALREADY_EXISTS, merchant);
        }
        long amountMinor = payout.getAmount();
        CurrencyCode currency = merchant.currency();
        var postings = new PostingsBuilder()
                .add(AccountId.merchant(merchant.merchantId()), currency, -amountMinor)
                .add(AccountId.PLATFORM_PAYOUTS, currency, amountMinor)
                .build();
        // The row of the date the payout settles, which need not be the date it happened.
        var effect = SettlementEffect.payout(
                new SettlementKey(merchant.merchantId(), payout.getBusinessDate(), currency), amountMinor);
        return Decision.accepted(event, key, businessDate, postings, merchant, effect);
    }
}
