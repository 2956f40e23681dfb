package org.kleline.ledger.simulator.config;

import java.time.ZoneId;
import java.util.Currency;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.validation.InvalidFieldException;

/**
 * What one simulated year is made of. The defaults are Kleline's 1999: 435,105 transactions for
 * about 500 merchant sites brought by 34 resellers, in EUR, settled in Paris time.
 *
 * @param year           the calendar year simulated, in {@code settlementZone}
 * @param transactions   exactly how many transactions the year holds (README: captures plus accepted
 *                       micropayments)
 * @param seed           the seed of every random choice: the same config gives byte-identical output
 * @param merchants      merchant sites, most onboarded at the start of the year, a few during it
 * @param partners       resellers who bring merchants and earn a share of their fees
 * @param settlementZone the zone of business dates and of the daily rhythm
 * @param currency       the one currency of every merchant and wallet; amounts are modelled in
 *                       cents, so it must have 2 fraction digits
 */
public record SimulationConfig(
        int year, long transactions, long seed, int merchants, int partners, ZoneId settlementZone, String currency) {

    public static final int DEFAULT_YEAR = 1999;
    public static final long DEFAULT_TRANSACTIONS = 435_105L;
    public static final long DEFAULT_SEED = 1L;
    public static final int DEFAULT_MERCHANTS = 500;
    public static final int DEFAULT_PARTNERS = 34;
    public static final String DEFAULT_CURRENCY = "EUR";

    public static final int YEAR_MIN = 1970;
    public static final int YEAR_MAX = 9999;
    /** Bounds the per-day slot arrays (a day holds at most a few percent of the year). */
    public static final long TRANSACTIONS_MAX = 100_000_000L;

    public static final int MERCHANTS_MAX = 100_000;
    public static final int PARTNERS_MAX = 10_000;

    private static final int CURRENCY_FRACTION_DIGITS = 2;

    public SimulationConfig {
        if (year < YEAR_MIN || year > YEAR_MAX) {
            throw new InvalidFieldException("year", year, "must be " + YEAR_MIN + ".." + YEAR_MAX);
        }
        if (transactions < 0 || transactions > TRANSACTIONS_MAX) {
            throw new InvalidFieldException("transactions", transactions, "must be 0.." + TRANSACTIONS_MAX);
        }
        if (merchants < 1 || merchants > MERCHANTS_MAX) {
            throw new InvalidFieldException("merchants", merchants, "must be 1.." + MERCHANTS_MAX);
        }
        if (partners < 0 || partners > PARTNERS_MAX) {
            throw new InvalidFieldException("partners", partners, "must be 0.." + PARTNERS_MAX);
        }
        if (settlementZone == null) {
            throw new InvalidFieldException("settlementZone", null, "is required");
        }
        if (!CurrencyCode.isValid(currency)
                || Currency.getInstance(currency).getDefaultFractionDigits() != CURRENCY_FRACTION_DIGITS) {
            throw new InvalidFieldException(
                    "currency",
                    currency,
                    "must be an ISO 4217 code with 2 fraction digits (amounts are modelled in cents)");
        }
    }

    /** Kleline's 1999: year 1999, 435,105 transactions, seed 1, 500 merchants, 34 partners, Paris, EUR. */
    public static SimulationConfig defaults() {
        return new SimulationConfig(
                DEFAULT_YEAR,
                DEFAULT_TRANSACTIONS,
                DEFAULT_SEED,
                DEFAULT_MERCHANTS,
                DEFAULT_PARTNERS,
                BusinessCalendar.DEFAULT_ZONE,
                DEFAULT_CURRENCY);
    }

    public SimulationConfig withYear(int newYear) {
        return new SimulationConfig(newYear, transactions, seed, merchants, partners, settlementZone, currency);
    }

    public SimulationConfig withTransactions(long newTransactions) {
        return new SimulationConfig(year, newTransactions, seed, merchants, partners, settlementZone, currency);
    }

    public SimulationConfig withSeed(long newSeed) {
        return new SimulationConfig(year, transactions, newSeed, merchants, partners, settlementZone, currency);
    }

    public SimulationConfig withMerchants(int newMerchants) {
        return new SimulationConfig(year, transactions, seed, newMerchants, partners, settlementZone, currency);
    }

    public SimulationConfig withPartners(int newPartners) {
        return new SimulationConfig(year, transactions, seed, merchants, newPartners, settlementZone, currency);
    }
}
