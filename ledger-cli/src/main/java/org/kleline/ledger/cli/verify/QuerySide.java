package org.kleline.ledger.cli.verify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.settlement.SettlementRow;

/** What the product says of its figures: the query API's reads, as the audit compares them. */
interface QuerySide {

    /**
     * The first outcome of each eventId, empty while it has none (unknown to the API); an eventId the API
     * cannot answer for now (503) is left out of the answer.
     */
    Map<String, Optional<EventOutcome>> outcomes(List<String> eventIds);

    /**
     * Each account's balances by currency; an account unknown to the API has none; empty when the API
     * cannot answer for it now (503).
     */
    Map<String, Optional<List<BalanceLine>>> balances(List<String> accountIds);

    /** Every merchant's settlement row of {@code date}. */
    List<SettlementRow> settlementRowsOn(LocalDate date);

    List<RecomputedTrialBalance> trialBalance();

    /** Where the answers come from, for the report. */
    String describe();
}
