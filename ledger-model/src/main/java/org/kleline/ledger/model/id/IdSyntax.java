package org.kleline.ledger.model.id;

import org.kleline.ledger.model.validation.InvalidFieldException;

/**
 * The syntax of every id of the ledger (eventId, walletId, merchantId, partnerId, paymentId,
 * payoutId): 1 to 64 characters of {@code [A-Za-z0-9._:-]}.
 *
 * <p>Checked with a character loop rather than a regular expression: it runs several times
 * per event on the projector's hot path and allocates nothing.
 */
public final class IdSyntax {

    /** The same rule as a regular expression, for documentation and for clients. */
    public static final String PATTERN = "[A-Za-z0-9._:-]{1,64}";

    public static final int LENGTH_MAX = 64;

    private static final String REQUIREMENT = "must match " + PATTERN;

    private IdSyntax() {}

    /** Whether {@code id} matches {@link #PATTERN}. */
    public static boolean isValid(String id) {
        return hasIdCharacters(id, LENGTH_MAX);
    }

    /** Whether the part of {@code text} from index {@code from} to its end matches {@link #PATTERN}. */
    public static boolean isValidFrom(String text, int from) {
        return isValidFrom(text, from, LENGTH_MAX);
    }

    private static boolean isValidFrom(String text, int from, int lengthMax) {
        if (text == null || from < 0 || from > text.length()) {
            return false;
        }
        int length = text.length() - from;
        if (length == 0 || length > lengthMax) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            if (!isIdCharacter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns {@code id} when valid.
     *
     * @throws InvalidFieldException naming {@code field} otherwise
     */
    public static String require(String field, String id) {
        if (!isValid(id)) {
            throw new InvalidFieldException(field, id, REQUIREMENT);
        }
        return id;
    }

    /** Whether {@code id} is 1 to {@code lengthMax} characters of {@code [A-Za-z0-9._:-]}. */
    static boolean hasIdCharacters(String id, int lengthMax) {
        return isValidFrom(id, 0, lengthMax);
    }

    private static boolean isIdCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == ':'
                || c == '-';
    }
}
