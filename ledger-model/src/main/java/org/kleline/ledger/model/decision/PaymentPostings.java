package org.kleline.ledger.model.decision;

import java.util.List;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.journal.JournalLine;
import org.kleline.ledger.model.journal.PostingsBuilder;
import org.kleline.ledger.model.money.CurrencyCode;

/**
 * The postings of a payment to a merchant, shared by micropayments and card captures:
 * the payer's account {@code -amount}, merchant {@code +(amount - fee)}, platform:fees
 * {@code +(fee - commission)}, partner {@code +commission}; zero lines left out.
 */
public final class PaymentPostings {

    private PaymentPostings() {}

    /**
     * @param payer           the account the money comes from (a wallet, or platform:card-clearing)
     * @param merchant        the merchant paid, with its partner
     * @param currency        the payment's currency
     * @param amountMinor     the payment's amount
     * @param feeMinor        the fee, at most the amount
     * @param commissionMinor the partner's part of the fee; 0 without a partner
     */
    public static List<JournalLine> payment(
            AccountId payer,
            MerchantTerms merchant,
            CurrencyCode currency,
            long amountMinor,
            long feeMinor,
            long commissionMinor) {
        if (feeMinor < 0 || feeMinor > amountMinor || commissionMinor < 0 || commissionMinor > feeMinor) {
            throw new IllegalArgumentException("need 0 <= commission <= fee <= amount: amount " + amountMinor + ", fee "
                    + feeMinor + ", commission " + commissionMinor);
        }
        PostingsBuilder postings = new PostingsBuilder()
                .add(payer, currency, -amountMinor)
                .add(AccountId.merchant(merchant.merchantId()), currency, amountMinor - feeMinor)
                .add(AccountId.PLATFORM_FEES, currency, feeMinor - commissionMinor);
        if (commissionMinor != 0) {
            if (!merchant.hasPartner()) {
                throw new IllegalArgumentException("commission " + commissionMinor + " for merchant "
                        + merchant.merchantId() + " which has no partner");
            }
            postings.add(AccountId.partner(merchant.partnerId()), currency, commissionMinor);
        }
        return postings.build();
    }
}
