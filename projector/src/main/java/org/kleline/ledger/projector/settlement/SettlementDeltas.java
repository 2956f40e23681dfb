package org.kleline.ledger.projector.settlement;

import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.model.settlement.SettlementKey;

/** Between ledger-model's {@link SettlementEffect} and the internal topic's {@link SettlementDelta}. */
public final class SettlementDeltas {

    private SettlementDeltas() {}

    public static SettlementDelta toDelta(SettlementEffect effect, String eventId) {
        SettlementKey key = effect.key();
        return new SettlementDelta(
                key.merchantId().value(),
                key.businessDate(),
                key.currency().code(),
                effect.count(),
                effect.gross(),
                effect.refunds(),
                effect.chargebacks(),
                effect.fees(),
                effect.commission(),
                effect.paidOut(),
                effect.payouts(),
                eventId);
    }

    public static SettlementEffect toEffect(SettlementDelta delta) {
        SettlementKey key = new SettlementKey(
                new MerchantId(delta.getMerchantId()), delta.getBusinessDate(), CurrencyCode.of(delta.getCurrency()));
        return new SettlementEffect(
                key,
                delta.getCount(),
                delta.getGross(),
                delta.getRefunds(),
                delta.getChargebacks(),
                delta.getFees(),
                delta.getCommission(),
                delta.getPaidOut(),
                delta.getPayouts());
    }
}
