package org.kleline.ledger.model.wallet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.decision.DecisionContext;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.decision.PaymentPostings;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.AggregateType;
import org.kleline.ledger.model.event.EventTypes;
import org.kleline.ledger.model.event.EventValidator;
import org.kleline.ledger.model.id.WalletId;
import org.kleline.ledger.model.journal.PostingsBuilder;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.outcomes.RejectionReason;

/**
 * The rules of the wallet aggregate (key walletId): WalletOpened, WalletToppedUp,
 * WalletRedeemed and MicropaymentRequested, checked in the order of the table of docs/domain.md after
 * the DUPLICATE check. Pure and thread-safe.
 */
public final class WalletDecider {

    private final BusinessCalendar calendar;

    public WalletDecider(BusinessCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Decides one wallet event.
     *
     * @param wallet  the wallet's state before the event, {@code null} when it does not exist
     * @param event   a wallet event, valid per {@link EventValidator#requireValidLogEvent}
     * @param context seen eventIds and the merchants micropayments pay
     * @throws org.kleline.ledger.model.validation.InvalidFieldException when the event is invalid
     * @throws IllegalArgumentException when it is not a wallet event, or {@code wallet} is another wallet's
     */
    public Decision<WalletState> decide(WalletState wallet, EventEnvelope event, DecisionContext context) {
        EventValidator.requireValidLogEvent(event);
        AggregateKey key = AggregateKey.of(event);
        if (key.type() != AggregateType.WALLET) {
            throw new IllegalArgumentException("not a wallet event: " + EventTypes.of(event));
        }
        if (wallet != null && !wallet.walletId().value().equals(key.id())) {
            throw new IllegalArgumentException("state of wallet " + wallet.walletId() + " given for " + key);
        }
        LocalDate businessDate = calendar.businessDate(event.getOccurredAt());
        if (context.seen(key, event.getEventId())) {
            return Decision.duplicate(event, key, businessDate, wallet);
        }
        Object payload = event.getPayload();
        if (payload instanceof MicropaymentRequested micropayment) {
            return micropayment(wallet, event, key, businessDate, micropayment, context);
        }
        if (payload instanceof WalletToppedUp topUp) {
            return topUp(wallet, event, key, businessDate, topUp.getAmount());
        }
        if (payload instanceof WalletRedeemed redemption) {
            return redeem(wallet, event, key, businessDate, redemption.getAmount());
        }
        return open(wallet, event, key, businessDate, (WalletOpened) payload);
    }

    private static Decision<WalletState> open(
            WalletState wallet, EventEnvelope event, AggregateKey key, LocalDate businessDate, WalletOpened opened) {
        if (wallet != null) {
            return Decision.rejected(event, key, businessDate, RejectionReason.ALREADY_EXISTS, wallet);
        }
        WalletState created = WalletState.opened(
                new WalletId(opened.getWalletId()), CurrencyCode.of(opened.getCurrency()), opened.getMaxBalance());
        return Decision.accepted(event, key, businessDate, created);
    }

    private static Decision<WalletState> topUp(
            WalletState wallet, EventEnvelope event, AggregateKey key, LocalDate businessDate, long amountMinor) {
        if (wallet == null) {
            return Decision.rejected(event, key, businessDate, RejectionReason.UNKNOWN_WALLET, null);
        }
        if (wallet.balanceMinor() + amountMinor > wallet.maxBalanceMinor()) {
            return Decision.rejected(event, key, businessDate, RejectionReason.LIMIT_EXCEEDED, wallet);
        }
        CurrencyCode currency = wallet.currency();
        var postings = new PostingsBuilder()
                .add(AccountId.PLATFORM_CARD_CLEARING, currency, -amountMinor)
                .add(wallet.account(), currency, amountMinor)
                .build();
        return Decision.accepted(
                event, key, businessDate, postings, wallet.withBalance(wallet.balanceMinor() + amountMinor), null);
    }

    private static Decision<WalletState> redeem(
            WalletState wallet, EventEnvelope event, AggregateKey key, LocalDate businessDate, long amountMinor) {
        if (wallet == null) {
            return Decision.rejected(event, key, businessDate, RejectionReason.UNKNOWN_WALLET, null);
        }
        if (amountMinor > wallet.balanceMinor()) {
            return Decision.rejected(event, key, businessDate, RejectionReason.INSUFFICIENT_FUNDS, wallet);
        }
        CurrencyCode currency = wallet.currency();
        var postings = new PostingsBuilder()
                .add(wallet.account(), currency, -amountMinor)
                .add(AccountId.PLATFORM_CARD_CLEARING, currency, amountMinor)
                .build();
        return Decision.accepted(
                event, key, businessDate, postings, wallet.withBalance(wallet.balanceMinor() - amountMinor), null);
    }

    private static Decision<WalletState> micropayment(
            WalletState wallet,
            EventEnvelope event,
            AggregateKey key,
            LocalDate businessDate,
            MicropaymentRequested micropayment,
            DecisionContext context) {
        if (wallet == null) {
            return Decision.rejected(event, key, businessDate, RejectionReason.UNKNOWN_WALLET, null);
        }
        Instant t = event.getOccurredAt();
        Optional<MerchantTerms> found = context.merchantTerms(micropayment.getMerchantId(), t);
        if (found.isEmpty() || !found.get().onboardedBy(t)) {
            return Decision.rejected(event, key, businessDate, RejectionReason.UNKNOWN_MERCHANT, wallet);
        }
        MerchantTerms merchant = found.get();
        CurrencyCode currency = wallet.currency();
        if (!merchant.currency().equals(currency)) {
            return Decision.rejected(event, key, businessDate, RejectionReason.CURRENCY_MISMATCH, wallet);
        }
        long amountMinor = micropayment.getAmount();
        if (amountMinor > wallet.balanceMinor()) {
            return Decision.rejected(event, key, businessDate, RejectionReason.INSUFFICIENT_FUNDS, wallet);
        }
        long feeMinor = merchant.feePlan().microFee(amountMinor);
        long commissionMinor = merchant.commission(feeMinor);
        var postings =
                PaymentPostings.payment(wallet.account(), merchant, currency, amountMinor, feeMinor, commissionMinor);
        var effect = SettlementEffect.payment(
                new SettlementKey(merchant.merchantId(), businessDate, currency),
                amountMinor,
                feeMinor,
                commissionMinor);
        return Decision.accepted(
                event, key, businessDate, postings, wallet.withBalance(wallet.balanceMinor() - amountMinor), effect);
    }
}
