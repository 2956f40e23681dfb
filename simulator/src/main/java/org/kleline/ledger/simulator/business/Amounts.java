package org.kleline.ledger.simulator.business;

/**
 * What people paid, in cents: card baskets from a paperback to a computer, micropayments of
 * 0.10 to 5.00 for an article or a game, wallet top-ups in round notes. Integer tables only:
 * money never passes through a floating-point number here either.
 */
public final class Amounts {

    /** Card baskets: weight, then the range in cents. */
    private static final int[] CARD_WEIGHTS = {20, 35, 25, 15, 5};

    private static final long[][] CARD_RANGES = {
        {500, 2_000}, {2_000, 6_000}, {6_000, 15_000}, {15_000, 50_000}, {50_000, 200_000},
    };
    private static final int[] MICRO_WEIGHTS = {50, 35, 15};
    private static final long[][] MICRO_RANGES = {{10, 100}, {100, 250}, {250, 500}};
    private static final long MICRO_STEP = 5;
    /** Of card baskets: priced just under a round figure (xx.x9). */
    private static final int CHARM_PRICE_PPM = 300_000;

    private static final int[] TOP_UP_WEIGHTS = {30, 25, 30, 15};
    private static final long[] TOP_UPS = {2_000, 3_000, 5_000, 10_000};

    public static final long DEFAULT_MAX_BALANCE = 15_000;
    public static final long LARGE_MAX_BALANCE = 30_000;

    private final Chance chance;

    public Amounts(Chance chance) {
        this.chance = chance;
    }

    public long cardBasket() {
        long[] range = CARD_RANGES[chance.weighted(CARD_WEIGHTS)];
        long cents = chance.steps(range[0], range[1], 10);
        return chance.happens(CHARM_PRICE_PPM) ? cents - 1 : cents;
    }

    public long micropayment() {
        long[] range = MICRO_RANGES[chance.weighted(MICRO_WEIGHTS)];
        return chance.steps(range[0], range[1], MICRO_STEP);
    }

    /** Part of {@code amount}: 50% to 99% of it, at least 1. */
    public long part(long amount) {
        return Math.max(1, amount * chance.between(500, 990) / 1_000);
    }

    /** A smaller part of {@code amount} for a partial refund: 10% to 90% of it, at least 1. */
    public long refundPart(long amount) {
        return Math.max(1, amount * chance.between(100, 900) / 1_000);
    }

    /**
     * A top-up that covers at least {@code needed} and keeps the balance within its limit.
     *
     * @param needed what the balance lacks for the payment at hand (>= 1)
     * @param room   maxBalance minus balance (>= needed)
     */
    public long topUp(long needed, long room) {
        long note = TOP_UPS[chance.weighted(TOP_UP_WEIGHTS)];
        return Math.min(room, Math.max(needed, note));
    }

    public long maxBalance() {
        return chance.happens(Rates.LARGE_WALLET_PPM) ? LARGE_MAX_BALANCE : DEFAULT_MAX_BALANCE;
    }
}
