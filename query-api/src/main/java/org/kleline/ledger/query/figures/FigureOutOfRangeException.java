package org.kleline.ledger.query.figures;

import org.kleline.ledger.web.problem.Problem;
import org.kleline.ledger.web.problem.ProblemException;
import org.kleline.ledger.web.problem.ProblemType;

/**
 * A figure a read adds up from the parts of several partitions (an account's credits or debits, the
 * trial balance's, an opening or a balance after a statement line) passes the range of a long: 422,
 * {@code urn:kleline:ledger:problem:out-of-range}, naming the figure. The projector keeps every part
 * within range (an event that would take a part past 2^63-1 is rejected LIMIT_EXCEEDED); only their
 * sum over the partitions can pass it, and then no answer in minor units exists.
 */
public final class FigureOutOfRangeException extends ProblemException {

    public FigureOutOfRangeException(String figure) {
        super(Problem.of(
                ProblemType.OUT_OF_RANGE,
                figure + ", added over the partitions of the ledger, is beyond "
                        + "the range of a 64-bit count of minor units (" + Long.MIN_VALUE + ".." + Long.MAX_VALUE
                        + ")"));
    }

    /** {@code a + b}, or this problem naming {@code figure} when the sum passes the range of a long. */
    public static long add(long a, long b, String figure) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            throw new FigureOutOfRangeException(figure);
        }
        return sum;
    }
}
