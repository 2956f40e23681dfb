package org.kleline.ledger.web.auth;

import java.util.Objects;

/**
 * Who makes a request, once {@link AccessControl} has checked its credentials: an API key (its id,
 * role and, for a merchant key, its merchantId), or another ledger process holding the cluster
 * secret ({@link #NODE}). The scope rules of the reads live here, in one place, and are asked
 * where a read is answered, after the resource is loaded: a resource outside the key's scope is
 * then answered exactly as an absent one (404).
 *
 * @param keyId      the key's id (never its secret); null for {@link #NODE} and {@link #UNCHECKED}
 * @param role       the key's role; null for {@link #NODE}
 * @param merchantId the merchant a {@code merchant} key is bound to; null otherwise
 */
public record Principal(String keyId, Role role, String merchantId) {

    /** Another ledger process (a query node forwarding a read, an ingest asking its query side). */
    public static final Principal NODE = new Principal(null, null, null);

    /**
     * A server started without access control ({@link AccessControl#none()}): module tests and
     * embeddings that gate requests themselves. Every {@code ledger} command serves with keys.
     */
    public static final Principal UNCHECKED = new Principal(null, Role.ADMIN, null);

    public Principal {
        if ((role == Role.MERCHANT) != (merchantId != null)) {
            throw new IllegalArgumentException(
                    "a merchantId goes with the merchant role and only with it: " + role + ", " + merchantId);
        }
    }

    public static Principal ofKey(String keyId, Role role, String merchantId) {
        return new Principal(Objects.requireNonNull(keyId, "keyId"), Objects.requireNonNull(role, "role"), merchantId);
    }

    public boolean isNode() {
        return role == null;
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** Reads everything there is to read: admin, and the other ledger processes. */
    public boolean readsEverything() {
        return role == Role.ADMIN || isNode();
    }

    /** A merchant, its settlement rows and its {@code merchant:} account. */
    public boolean mayReadMerchant(String merchant) {
        return role != Role.MERCHANT || merchantId.equals(merchant);
    }

    /** An account's balances and entries (the caller's role may read accounts at all). */
    public boolean mayReadAccount(String accountId) {
        if (role == Role.MERCHANT) {
            return accountId.equals("merchant:" + merchantId);
        }
        if (role == Role.WALLETS) {
            return accountId.startsWith("wallet:");
        }
        return true;
    }

    /** A card payment of {@code paymentMerchantId} (read, or captured and refunded by a merchant key). */
    public boolean mayUseCardPaymentOf(String paymentMerchantId) {
        return role != Role.MERCHANT || merchantId.equals(paymentMerchantId);
    }

    /**
     * An event's outcome. Admin, auditor and the nodes see every one; a wallets key the outcomes of wallet
     * events (key {@code wallet:...}); a merchant key those of the events appended by a key of its own
     * merchant ({@code appendedByMerchant}: the merchant of the key that appended it, null when none or
     * unknown).
     */
    public boolean mayReadOutcome(String aggregateKey, String appendedByMerchant) {
        if (role == Role.MERCHANT) {
            return merchantId.equals(appendedByMerchant);
        }
        if (role == Role.WALLETS) {
            return aggregateKey.startsWith("wallet:");
        }
        return role != Role.ANALYST;
    }

    /** Who appended an event ({@code appendedBy}) is shown to admin and auditor only. */
    public boolean seesAppendedBy() {
        return role == Role.ADMIN || role == Role.AUDITOR || isNode();
    }

    /** The keyId recorded as {@code appendedBy} on what this principal appends. */
    public String appendedBy() {
        return keyId;
    }
}
