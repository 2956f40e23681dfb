package org.kleline.ledger.model.account;

import org.kleline.ledger.model.id.IdSyntax;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PartnerId;
import org.kleline.ledger.model.id.WalletId;
import org.kleline.ledger.model.validation.InvalidFieldException;

/**
 * An account of the ledger, by its id as docs/domain.md writes it: {@code wallet:{walletId}},
 * {@code merchant:{merchantId}}, {@code partner:{partnerId}}, or one of the three platform
 * accounts. A balance is credits minus debits of one account in one currency.
 *
 * @param value the account id, e.g. {@code wallet:w-1} or {@code platform:fees}
 */
public record AccountId(String value) {

    /** Fee revenue. */
    public static final AccountId PLATFORM_FEES = new AccountId("platform:fees");
    /** Money due from card schemes: an asset, normally negative. */
    public static final AccountId PLATFORM_CARD_CLEARING = new AccountId("platform:card-clearing");
    /** Money paid out to merchants' banks: an asset, normally negative. */
    public static final AccountId PLATFORM_PAYOUTS = new AccountId("platform:payouts");

    private static final String REQUIREMENT = "must be wallet:{id}, merchant:{id}, partner:{id}, "
            + "platform:fees, platform:card-clearing or platform:payouts";

    public AccountId {
        if (!isValid(value)) {
            throw new InvalidFieldException("account", value, REQUIREMENT);
        }
    }

    /** Parses an account id as written in docs/domain.md and the HTTP API. */
    public static AccountId parse(String value) {
        return new AccountId(value);
    }

    public static AccountId wallet(String walletId) {
        return new AccountId(AccountType.WALLET.prefix() + ":" + IdSyntax.require("walletId", walletId));
    }

    public static AccountId wallet(WalletId walletId) {
        return wallet(walletId.value());
    }

    public static AccountId merchant(String merchantId) {
        return new AccountId(AccountType.MERCHANT.prefix() + ":" + IdSyntax.require("merchantId", merchantId));
    }

    public static AccountId merchant(MerchantId merchantId) {
        return merchant(merchantId.value());
    }

    public static AccountId partner(String partnerId) {
        return new AccountId(AccountType.PARTNER.prefix() + ":" + IdSyntax.require("partnerId", partnerId));
    }

    public static AccountId partner(PartnerId partnerId) {
        return partner(partnerId.value());
    }

    /** Whether {@code value} is a valid account id. */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        if (value.startsWith("wallet:")) {
            return IdSyntax.isValidFrom(value, "wallet:".length());
        }
        if (value.startsWith("merchant:")) {
            return IdSyntax.isValidFrom(value, "merchant:".length());
        }
        if (value.startsWith("partner:")) {
            return IdSyntax.isValidFrom(value, "partner:".length());
        }
        return value.equals("platform:fees")
                || value.equals("platform:card-clearing")
                || value.equals("platform:payouts");
    }

    /** The kind of account, from the id's prefix. */
    public AccountType type() {
        String prefix = value.substring(0, value.indexOf(':'));
        for (AccountType type : AccountType.values()) {
            if (type.prefix().equals(prefix)) {
                return type;
            }
        }
        throw new IllegalStateException("account id without a known prefix: " + value);
    }

    /** The part after the prefix: the wallet, merchant or partner id, or the platform account's name. */
    public String ownerId() {
        return value.substring(value.indexOf(':') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
