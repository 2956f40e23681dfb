package org.kleline.ledger.model.money;

import java.util.Currency;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.kleline.ledger.model.validation.InvalidFieldException;

/**
 * An ISO 4217 currency the ledger accepts: known to {@link Currency} and with 0 to 3 default
 * fraction digits (so EUR, JPY, KWD; not XAU, whose minor unit is undefined).
 *
 * @param code the three-letter code, e.g. {@code EUR}
 */
public record CurrencyCode(String code) {

    private static final int FRACTION_DIGITS_MAX = 3;
    private static final String REQUIREMENT =
            "must be an ISO 4217 code known to java.util.Currency with 0..3 fraction digits";

    /** Only valid codes enter, so the cache is bounded by the ISO 4217 list. */
    private static final ConcurrentMap<String, CurrencyCode> KNOWN = new ConcurrentHashMap<>();

    public CurrencyCode {
        if (!KNOWN.containsKey(code == null ? "" : code) && !isIso4217WithMinorUnits(code)) {
            throw new InvalidFieldException("currency", code, REQUIREMENT);
        }
    }

    /** The shared instance for {@code code}; validates it once per code. */
    public static CurrencyCode of(String code) {
        CurrencyCode known = code == null ? null : KNOWN.get(code);
        if (known != null) {
            return known;
        }
        CurrencyCode created = new CurrencyCode(code);
        KNOWN.putIfAbsent(code, created);
        return created;
    }

    /** Same as {@link #of(String)}, naming {@code field} when the code is refused. */
    public static CurrencyCode of(String field, String code) {
        if (!isValid(code)) {
            throw new InvalidFieldException(field, code, REQUIREMENT);
        }
        return of(code);
    }

    /** Whether {@code code} is a currency the ledger accepts. */
    public static boolean isValid(String code) {
        return code != null && (KNOWN.containsKey(code) || isIso4217WithMinorUnits(code));
    }

    /** How many minor units make a major unit, as a power of ten: 2 for EUR, 0 for JPY. */
    public int fractionDigits() {
        return Currency.getInstance(code).getDefaultFractionDigits();
    }

    @Override
    public String toString() {
        return code;
    }

    private static boolean isIso4217WithMinorUnits(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
        int digits = currency.getDefaultFractionDigits();
        return digits >= 0 && digits <= FRACTION_DIGITS_MAX;
    }
}
