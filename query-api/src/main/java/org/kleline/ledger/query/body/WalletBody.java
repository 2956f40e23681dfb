package org.kleline.ledger.query.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.kleline.ledger.projector.read.WalletRecord;

/** {@code GET /v1/wallets/{walletId}}: the wallet as the rules see it. Amounts in minor units. */
@JsonPropertyOrder({"walletId", "currency", "balance", "maxBalance"})
public record WalletBody(String walletId, String currency, long balance, long maxBalance) {

    public WalletBody {
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(currency, "currency");
    }

    public static WalletBody of(WalletRecord r) {
        return new WalletBody(r.getWalletId(), r.getCurrency(), r.getBalance(), r.getMaxBalance());
    }
}
