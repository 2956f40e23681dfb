package org.kleline.ledger.model.money;

/**
 * The one rounding rule of the ledger: half to even, on non-negative integers (docs/domain.md).
 * Every fee and commission is rounded with it, so an independent implementation gets the
 * same minor units.
 */
public final class Rounding {

    /** The denominator of a rate in basis points. */
    public static final long BPS_PER_UNIT = 10_000L;

    private Rounding() {}

    /**
     * {@code n / d} rounded half to even: q = n / d, r = n % d; q + 1 when 2r > d; on 2r == d,
     * q + 1 only when q is odd; else q.
     *
     * @throws IllegalArgumentException when n < 0 or d <= 0
     */
    public static long halfEven(long n, long d) {
        if (n < 0) {
            throw new IllegalArgumentException("halfEven numerator must be >= 0, was " + n);
        }
        if (d <= 0) {
            throw new IllegalArgumentException("halfEven denominator must be > 0, was " + d);
        }
        long q = n / d;
        long r = n % d;
        // r and d - r compare as 2r and d do, without 2r overflowing when d is near Long.MAX_VALUE.
        long rest = d - r;
        if (r > rest) {
            return q + 1;
        }
        if (r == rest) {
            return (q & 1L) == 1L ? q + 1 : q;
        }
        return q;
    }

    /**
     * {@code amount * bps / 10000} rounded half to even.
     *
     * @throws ArithmeticException when {@code amountMinor * bps} does not fit a long, which no
     *                             validated amount and rate reach
     */
    public static long applyBps(long amountMinor, int bps) {
        return halfEven(Math.multiplyExact(amountMinor, (long) bps), BPS_PER_UNIT);
    }
}
