package org.kleline.ledger.bench.endtoend;

import java.util.List;

/** The median of a few runs' figures: the middle one, or the mean of the two middle ones. */
final class Median {

    private Median() {}

    static double of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
