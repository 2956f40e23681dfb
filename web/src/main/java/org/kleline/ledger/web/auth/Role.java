package org.kleline.ledger.web.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The role of an API key (docs/api.md, "Who may call what"). Which calls each role may make is
 * {@link AccessRules}; what each may see of a resource it may read is {@link Principal}.
 */
public enum Role {
    /** Everything: every write (import, settle, payouts, keys) and every read. */
    ADMIN,
    /** Bound to one merchantId: its card payments, captures and refunds; reads of its own merchant. */
    MERCHANT,
    /** The wallet issuer: wallets, top-ups, redemptions, micropayments; reads of wallets and wallet accounts. */
    WALLETS,
    /** Reads only: merchants, settlement rows, every account's balances and entries, the trial balance. */
    ANALYST,
    /** What an analyst reads, plus every outcome and /metrics. */
    AUDITOR;

    /** The name on the wire: {@code admin}, {@code merchant}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code text} on the wire; {@link IllegalArgumentException} naming the roles otherwise. */
    public static Role fromWire(String text) {
        for (Role role : values()) {
            if (role.wireName().equals(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be one of "
                + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", ")) + ", was '" + text
                + "'");
    }
}
