package org.kleline.ledger.model.id;

import java.time.LocalDate;
import org.kleline.ledger.model.validation.InvalidFieldException;

/**
 * The id of a payout to a merchant's bank, unique per merchant.
 *
 * <p>Two kinds exist. A payout requested by hand has an ordinary id ({@link IdSyntax#PATTERN})
 * that must not start with {@value #SETTLEMENT_PREFIX}. A settlement run makes
 * {@code po-{merchantId}-{date}} for a date's first payout and {@code po-{merchantId}-{date}-{n}}
 * for the n-th; those may run past 64 characters.
 *
 * @param value the id
 */
public record PayoutId(String value) {

    /** Reserved for ids made by settlement runs. */
    public static final String SETTLEMENT_PREFIX = "po-";

    /**
     * "po-" + a 64-character merchantId + "-" + a 10-character date + "-" + up to 10 digits.
     * The first statement of the domain rules said 80, which holds up to the 9th payout of one
     * date for the longest merchant ids; the 10th would need 81, and refusing it would stop a
     * settlement run.
     */
    public static final int SETTLEMENT_LENGTH_MAX = 3 + IdSyntax.LENGTH_MAX + 1 + 10 + 1 + 10;

    public PayoutId {
        if (!isValid(value)) {
            throw new InvalidFieldException(
                    "payoutId",
                    value,
                    "must match " + IdSyntax.PATTERN + " or be a settlement id po-{merchantId}-{date}[-n]");
        }
    }

    /** Whether {@code value} is an ordinary id or has the characters and length of a settlement id. */
    public static boolean isValid(String value) {
        return IdSyntax.isValid(value) || isSettlementShaped(value);
    }

    /** Whether {@code value} starts with the prefix reserved for settlement runs. */
    public static boolean isReserved(String value) {
        return value != null && value.startsWith(SETTLEMENT_PREFIX);
    }

    /** Whether this id was made by a settlement run. */
    public boolean isSettlement() {
        return isReserved(value);
    }

    /**
     * The id of a settlement payout: {@code po-{merchantId}-{date}} when the merchant has no
     * payout for {@code businessDate} yet, else {@code po-{merchantId}-{date}-{payoutsSoFar + 1}}.
     *
     * @param payoutsSoFar accepted payouts of that merchant and date (the settlement row's {@code payouts})
     */
    public static PayoutId settlement(MerchantId merchantId, LocalDate businessDate, int payoutsSoFar) {
        if (payoutsSoFar < 0 || payoutsSoFar == Integer.MAX_VALUE) {
            throw new InvalidFieldException("payouts", payoutsSoFar, "must be 0..2147483646");
        }
        String base = SETTLEMENT_PREFIX + merchantId.value() + "-" + businessDate;
        return new PayoutId(payoutsSoFar == 0 ? base : base + "-" + (payoutsSoFar + 1));
    }

    /**
     * Whether {@code payoutId} is exactly an id {@link #settlement} makes for this merchant and
     * date, for some count of earlier payouts.
     */
    public static boolean isSettlementIdFor(String payoutId, String merchantId, LocalDate businessDate) {
        if (payoutId == null || merchantId == null || businessDate == null || !isSettlementShaped(payoutId)) {
            return false;
        }
        String base = SETTLEMENT_PREFIX + merchantId + "-" + businessDate;
        if (!payoutId.startsWith(base)) {
            return false;
        }
        if (payoutId.length() == base.length()) {
            return true;
        }
        if (payoutId.charAt(base.length()) != '-') {
            return false;
        }
        return isOrdinalFromTwo(payoutId, base.length() + 1);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isSettlementShaped(String value) {
        return isReserved(value) && IdSyntax.hasIdCharacters(value, SETTLEMENT_LENGTH_MAX);
    }

    /** Digits from {@code from} to the end, no leading zero, a value from 2 to Integer.MAX_VALUE. */
    private static boolean isOrdinalFromTwo(String text, int from) {
        int digits = text.length() - from;
        if (digits < 1 || digits > 10 || text.charAt(from) == '0') {
            return false;
        }
        long n = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            n = n * 10 + (c - '0');
        }
        return n >= 2 && n <= Integer.MAX_VALUE;
    }
}
