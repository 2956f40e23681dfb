package org.kleline.ledger.simulator.business;

import java.util.SplittableRandom;

/** Seeded draws in integers: a probability is parts per million, a range is inclusive of its bounds. */
public final class Chance {

    private final SplittableRandom random;

    public Chance(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public SplittableRandom random() {
        return random;
    }

    /** True with probability {@code ppm} / 1,000,000. */
    public boolean happens(int ppm) {
        return random.nextInt(Rates.PPM) < ppm;
    }

    /** A long in {@code min ..= max}. */
    public long between(long min, long max) {
        return min + random.nextLong(max - min + 1);
    }

    /** An int in {@code min ..= max}. */
    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A multiple of {@code step} in {@code min ..= max} (both multiples of step). */
    public long steps(long min, long max, long step) {
        return min + step * random.nextLong((max - min) / step + 1);
    }

    /** An index drawn in proportion to {@code weights}. */
    public int weighted(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int drawn = random.nextInt(total);
        int index = 0;
        while (drawn >= weights[index]) {
            drawn -= weights[index];
            index++;
        }
        return index;
    }
}
