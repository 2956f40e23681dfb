package org.kleline.ledger.query.reads;

import java.util.List;

/** Parts of the trial balance as two instances answer them, for the tests that merge them. */
public final class TrialBalanceParts {

    private TrialBalanceParts() {}

    /** Two instances' euro parts whose credits (and debits), added, pass the range of a long. */
    public static List<List<TrialBalancePart>> euroBeyondTheRange() {
        return List.of(
                List.of(new TrialBalancePart(
                        "EUR",
                        Long.MAX_VALUE - 100,
                        Long.MAX_VALUE - 100,
                        2,
                        List.of("merchant:m-1", "platform:payouts"))),
                List.of(new TrialBalancePart("EUR", 1_000, 1_000, 2, List.of("platform:card-clearing", "wallet:w-1"))));
    }
}
