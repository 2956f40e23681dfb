package org.kleline.ledger.simulator.summary;

/**
 * How far a simulation run has come. Transactions make an exact progress bar (their total is
 * known up front); lines make the speed (events per second).
 *
 * @param linesDone         NDJSON lines written or sent so far, bad and retried ones included
 * @param transactionsDone  transactions among them
 * @param transactionsTotal the year's transactions
 */
public record Progress(long linesDone, long transactionsDone, long transactionsTotal) {

    public Progress {
        if (linesDone < 0 || transactionsDone < 0 || transactionsDone > transactionsTotal) {
            throw new IllegalArgumentException("progress must be 0 <= done <= total, was lines " + linesDone
                    + ", transactions " + transactionsDone + "/" + transactionsTotal);
        }
    }

    /** 0.0 to 1.0, for the bar; 1.0 for a year of no transactions. */
    public double fractionDone() {
        return transactionsTotal == 0 ? 1.0 : (double) transactionsDone / transactionsTotal;
    }
}
