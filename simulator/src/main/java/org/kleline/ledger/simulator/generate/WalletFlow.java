package org.kleline.ledger.simulator.generate;

import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.simulator.business.MerchantProfile;
import org.kleline.ledger.simulator.business.Rates;
import org.kleline.ledger.simulator.business.WalletBook;

/**
 * K-Wallet, from October: a customer about to pay a few cents opens a wallet if they have none,
 * tops it up when it is short (some first try to pay and are refused for insufficient funds),
 * then pays; now and then one later takes the money back. Top-ups never exceed the wallet's
 * maxBalance, so every refusal is on purpose.
 */
final class WalletFlow {

    private final Market market;

    private final WalletBook wallets = new WalletBook();

    WalletFlow(Market market) {
        this.market = market;
    }

    /** A customer starts a micropayment at {@code atMs}. */
    SimulatedEvent purchase(long atMs) {
        MerchantProfile merchant = market.active().drawForWallet(market.chance());
        long amount = market.amounts().micropayment();
        if (wallets.opened() == 0 || market.chance().happens(Rates.NEW_WALLET_PPM)) {
            long maxBalance = market.amounts().maxBalance();
            int wallet = wallets.open(maxBalance);
            market.agenda()
                    .scheduleClamped(atMs + stepMs(), new Action.Micropurchase(wallet, merchant.index(), amount, true));
            return market.emitter()
                    .customer(
                            atMs,
                            new WalletOpened(walletId(wallet), market.currency(), maxBalance),
                            ExpectedOutcome.ACCEPTED);
        }
        int wallet = market.chance().random().nextInt(wallets.opened());
        return pay(atMs, new Action.Micropurchase(wallet, merchant.index(), amount, false));
    }

    SimulatedEvent pay(long atMs, Action.Micropurchase purchase) {
        int wallet = purchase.wallet();
        long balance = wallets.balance(wallet);
        MicropaymentRequested request =
                new MicropaymentRequested(walletId(wallet), merchantId(purchase.merchant()), purchase.amount());
        if (balance >= purchase.amount()) {
            wallets.debit(wallet, purchase.amount());
            if (market.chance().happens(Rates.REDEMPTION_PPM)) {
                market.agenda()
                        .scheduleWithinYear(
                                atMs + market.chance().between(Rates.REDEMPTION_MS_MIN, Rates.REDEMPTION_MS_MAX),
                                new Action.Redemption(wallet));
            }
            return market.emitter().customer(atMs, request, ExpectedOutcome.ACCEPTED);
        }
        Action.Micropurchase next = new Action.Micropurchase(wallet, purchase.merchant(), purchase.amount(), true);
        market.agenda().scheduleClamped(atMs + stepMs(), next);
        if (!purchase.triedWithoutFunds() && market.chance().happens(Rates.TRY_WITHOUT_FUNDS_PPM)) {
            return market.emitter().customer(atMs, request, ExpectedOutcome.REJECTED);
        }
        long topUp = market.amounts().topUp(purchase.amount() - balance, wallets.maxBalance(wallet) - balance);
        wallets.credit(wallet, topUp);
        return market.emitter().customer(atMs, new WalletToppedUp(walletId(wallet), topUp), ExpectedOutcome.ACCEPTED);
    }

    /** Takes the money back, all of it or half; nothing when the wallet is empty by then. */
    SimulatedEvent redeem(long atMs, Action.Redemption redemption) {
        int wallet = redemption.wallet();
        long balance = wallets.balance(wallet);
        if (balance == 0) {
            return null;
        }
        long amount = market.chance().happens(Rates.FULL_REDEMPTION_PPM) ? balance : Math.max(1, balance / 2);
        wallets.debit(wallet, amount);
        return market.emitter().customer(atMs, new WalletRedeemed(walletId(wallet), amount), ExpectedOutcome.ACCEPTED);
    }

    private static String walletId(int wallet) {
        return SequenceIds.padded("w-", 6, wallet + 1L);
    }

    private String merchantId(int merchant) {
        return market.roster().profile(merchant).merchantId();
    }

    private long stepMs() {
        return market.chance().between(Rates.WALLET_STEP_MS_MIN, Rates.WALLET_STEP_MS_MAX);
    }
}
