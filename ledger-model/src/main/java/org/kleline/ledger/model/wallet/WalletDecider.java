package org.kleline.ledger.model.wallet;

import java.time.Instant;
import java.util.Optional;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.decision.AggregateDecider;
import org.kleline.ledger.model.decision.DecidingEvent;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.decision.DecisionContext;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.decision.PaymentPostings;
import org.kleline.ledger.model.event.AggregateType;
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
public final class WalletDecider extends AggregateDecider<WalletState> {

    public WalletDecider(BusinessCalendar calendar) {
        super(
                calendar,
                AggregateType.WALLET,
                "wallet",
                wallet -> wallet.walletId().value());
    }

    @Override
    protected Decision<WalletState> decideNew(
            WalletState wallet, Object payload, DecidingEvent deciding, DecisionContext context) {
        if (payload instanceof MicropaymentRequested micropayment) {
            return micropayment(wallet, deciding, micropayment, context);
        }
        if (payload instanceof WalletToppedUp topUp) {
            return topUp(wallet, deciding, topUp.getAmount());
        }
        if (payload instanceof WalletRedeemed redemption) {
            return redeem(wallet, deciding, redemption.getAmount());
        }
        return open(wallet, deciding, (WalletOpened) payload);
    }

    private static Decision<WalletState> open(WalletState wallet, DecidingEvent deciding, WalletOpened opened) {
        if (wallet != null) {
            return deciding.rejected(RejectionReason.ALREADY_EXISTS, wallet);
        }
        WalletState created = WalletState.opened(
                new WalletId(opened.getWalletId()), CurrencyCode.of(opened.getCurrency()), opened.getMaxBalance());
        return deciding.accepted(created);
    }

    private static Decision<WalletState> topUp(WalletState wallet, DecidingEvent deciding, long amountMinor) {
        if (wallet == null) {
            return deciding.rejected(RejectionReason.UNKNOWN_WALLET, null);
        }
        if (wallet.balanceMinor() + amountMinor > wallet.maxBalanceMinor()) {
            return deciding.rejected(RejectionReason.LIMIT_EXCEEDED, wallet);
        }
        CurrencyCode currency = wallet.currency();
        var postings = new PostingsBuilder()
                .add(AccountId.PLATFORM_CARD_CLEARING, currency, -amountMinor)
                .add(wallet.account(), currency, amountMinor)
                .build();
        return deciding.accepted(postings, wallet.withBalance(wallet.balanceMinor() + amountMinor), null);
    }

    private static Decision<WalletState> redeem(WalletState wallet, DecidingEvent deciding, long amountMinor) {
        if (wallet == null) {
            return deciding.rejected(RejectionReason.UNKNOWN_WALLET, null);
        }
        if (amountMinor > wallet.balanceMinor()) {
            return deciding.rejected(RejectionReason.INSUFFICIENT_FUNDS, wallet);
        }
        CurrencyCode currency = wallet.currency();
        var postings = new PostingsBuilder()
                .add(wallet.account(), currency, -amountMinor)
                .add(AccountId.PLATFORM_CARD_CLEARING, currency, amountMinor)
                .build();
        return deciding.accepted(postings, wallet.withBalance(wallet.balanceMinor() - amountMinor), null);
    }

    private static Decision<WalletState> micropayment(
            WalletState wallet, DecidingEvent deciding, MicropaymentRequested micropayment, DecisionContext context) {
        if (wallet == null) {
            return deciding.rejected(RejectionReason.UNKNOWN_WALLET, null);
        }
        Instant t = deciding.occurredAt();
        Optional<MerchantTerms> found = context.merchantTerms(micropayment.getMerchantId(), t);
        if (found.isEmpty() || !found.get().onboardedBy(t)) {
            return deciding.rejected(RejectionReason.UNKNOWN_MERCHANT, wallet);
        }
        MerchantTerms merchant = found.get();
        CurrencyCode currency = wallet.currency();
        if (!merchant.currency().equals(currency)) {
            return deciding.rejected(RejectionReason.CURRENCY_MISMATCH, wallet);
        }
        long amountMinor = micropayment.getAmount();
        if (amountMinor > wallet.balanceMinor()) {
            return deciding.rejected(RejectionReason.INSUFFICIENT_FUNDS, wallet);
        }
        long feeMinor = merchant.feePlan().microFee(amountMinor);
        long commissionMinor = merchant.commission(feeMinor);
        var postings =
                PaymentPostings.payment(wallet.account(), merchant, currency, amountMinor, feeMinor, commissionMinor);
        var effect = SettlementEffect.payment(
                new SettlementKey(merchant.merchantId(), deciding.businessDate(), currency),
                amountMinor,
                feeMinor,
                commissionMinor);
        return deciding.accepted(postings, wallet.withBalance(wallet.balanceMinor() - amountMinor), effect);
    }
}
