package org.kleline.ledger.model.merchant;

import java.time.Instant;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.decision.AggregateDecider;
import org.kleline.ledger.model.decision.DecidingEvent;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.decision.DecisionContext;
import org.kleline.ledger.model.event.AggregateType;
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
public final class MerchantDecider extends AggregateDecider<MerchantState> {

    public MerchantDecider(BusinessCalendar calendar) {
        super(
                calendar,
                AggregateType.MERCHANT,
                "merchant",
                merchant -> merchant.merchantId().value());
    }

    @Override
    protected Decision<MerchantState> decideNew(
            MerchantState merchant, Object payload, DecidingEvent deciding, DecisionContext context) {
        if (payload instanceof MerchantPaidOut payout) {
            return payOut(merchant, deciding, payout, context);
        }
        if (payload instanceof MerchantOnboarded onboarding) {
            return onboard(merchant, deciding, onboarding);
        }
        return changeFeePlan(merchant, deciding, (MerchantFeePlanChanged) payload);
    }

    private static Decision<MerchantState> onboard(
            MerchantState merchant, DecidingEvent deciding, MerchantOnboarded onboarding) {
        if (merchant != null) {
            return deciding.rejected(RejectionReason.ALREADY_EXISTS, merchant);
        }
        PartnerId partnerId = onboarding.getPartnerId() == null ? null : new PartnerId(onboarding.getPartnerId());
        MerchantState onboarded = MerchantState.onboarded(
                new MerchantId(onboarding.getMerchantId()),
                onboarding.getName(),
                partnerId,
                CurrencyCode.of(onboarding.getCurrency()),
                deciding.occurredAt(),
                FeeSchedule.fromAvro(onboarding.getFeePlan()));
        return deciding.accepted(onboarded);
    }

    private static Decision<MerchantState> changeFeePlan(
            MerchantState merchant, DecidingEvent deciding, MerchantFeePlanChanged change) {
        if (merchant == null) {
            return deciding.rejected(RejectionReason.UNKNOWN_MERCHANT, null);
        }
        Instant effectiveFrom = change.getEffectiveFrom() == null ? deciding.occurredAt() : change.getEffectiveFrom();
        var version = new FeePlanVersion(FeeSchedule.fromAvro(change.getFeePlan()), effectiveFrom);
        return deciding.accepted(merchant.withFeePlan(version));
    }

    private static Decision<MerchantState> payOut(
            MerchantState merchant, DecidingEvent deciding, MerchantPaidOut payout, DecisionContext context) {
        if (merchant == null) {
            return deciding.rejected(RejectionReason.UNKNOWN_MERCHANT, null);
        }
        if (context.payoutIdUsed(payout.getMerchantId(), payout.getPayoutId())) {
            return deciding.rejected(RejectionReason.ALREADY_EXISTS, merchant);
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
        return deciding.accepted(postings, merchant, effect);
    }
}
