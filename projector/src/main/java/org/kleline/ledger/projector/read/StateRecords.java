package org.kleline.ledger.projector.read;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kleline.ledger.model.cardpayment.CardPaymentState;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PartnerId;
import org.kleline.ledger.model.id.PaymentId;
import org.kleline.ledger.model.id.WalletId;
import org.kleline.ledger.model.merchant.FeePlanVersion;
import org.kleline.ledger.model.merchant.MerchantState;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.wallet.WalletState;

/**
 * Between ledger-model's state records and the Avro records the decide stores hold (and the query
 * API reads). Reading a record back goes through the state's constructor, so a stored value that
 * breaks an invariant fails loudly instead of being decided on.
 */
public final class StateRecords {

    private StateRecords() {}

    public static WalletRecord toRecord(WalletState s) {
        return new WalletRecord(s.walletId().value(), s.currency().code(), s.balanceMinor(), s.maxBalanceMinor());
    }

    public static WalletState wallet(WalletRecord r) {
        return r == null
                ? null
                : new WalletState(
                        new WalletId(r.getWalletId()),
                        CurrencyCode.of(r.getCurrency()),
                        r.getBalance(),
                        r.getMaxBalance());
    }

    public static CardPaymentRecord toRecord(CardPaymentState s) {
        return new CardPaymentRecord(
                s.paymentId().value(),
                s.merchantId().value(),
                s.currency().code(),
                s.authorizedMinor(),
                s.capturedMinor(),
                s.refundedMinor(),
                s.chargedBackMinor(),
                s.status().name());
    }

    public static CardPaymentState payment(CardPaymentRecord r) {
        return r == null
                ? null
                : new CardPaymentState(
                        new PaymentId(r.getPaymentId()),
                        new MerchantId(r.getMerchantId()),
                        CurrencyCode.of(r.getCurrency()),
                        r.getAuthorized(),
                        r.getCaptured(),
                        r.getRefunded(),
                        r.getChargedBack());
    }

    public static MerchantRecord toRecord(MerchantState s) {
        List<FeePlanVersionRecord> plans = new ArrayList<>(s.feePlans().size());
        for (FeePlanVersion v : s.feePlans()) {
            FeeSchedule p = v.plan();
            plans.add(new FeePlanVersionRecord(
                    v.effectiveFrom().toEpochMilli(),
                    p.cardBps(),
                    p.cardFixed(),
                    p.microBps(),
                    p.microFixed(),
                    p.chargebackFee(),
                    p.partnerShareBps()));
        }
        return new MerchantRecord(
                s.merchantId().value(),
                s.name(),
                s.partnerId() == null ? null : s.partnerId().value(),
                s.currency().code(),
                s.onboardedAt().toEpochMilli(),
                plans);
    }

    public static MerchantState merchant(MerchantRecord r) {
        if (r == null) {
            return null;
        }
        List<FeePlanVersion> plans = new ArrayList<>(r.getFeePlans().size());
        for (FeePlanVersionRecord v : r.getFeePlans()) {
            plans.add(new FeePlanVersion(
                    new FeeSchedule(
                            v.getCardBps(),
                            v.getCardFixed(),
                            v.getMicroBps(),
                            v.getMicroFixed(),
                            v.getChargebackFee(),
                            v.getPartnerShareBps()),
                    Instant.ofEpochMilli(v.getEffectiveFrom())));
        }
        return new MerchantState(
                new MerchantId(r.getMerchantId()),
                r.getName(),
                r.getPartnerId() == null ? null : new PartnerId(r.getPartnerId()),
                CurrencyCode.of(r.getCurrency()),
                Instant.ofEpochMilli(r.getOnboardedAt()),
                plans);
    }
}
