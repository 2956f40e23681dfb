package org.kleline.ledger.cli.verify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * A query side answering from maps: faithful to a recomputation, then tampered with by a test; the keys of
 * {@link #unavailable} it cannot answer now, as a query API answering 503.
 */
final class FakeQuerySide implements QuerySide {

    final Map<String, EventOutcome> outcomes = new HashMap<>();
    final Map<String, List<BalanceLine>> balances = new HashMap<>();
    final Map<LocalDate, List<SettlementRow>> rows = new HashMap<>();
    final List<RecomputedTrialBalance> trialBalance = new ArrayList<>();
    final Set<String> unavailable = new HashSet<>();

    static FakeQuerySide faithfulTo(Recomputation recomputed) {
        FakeQuerySide fake = new FakeQuerySide();
        recomputed
                .eventIds()
                .forEach(id -> fake.outcomes.put(id, recomputed.outcome(id).orElseThrow()));
        recomputed.balances().forEach((account, lines) -> fake.balances.put(account, new ArrayList<>(lines.values())));
        fake.rows.putAll(recomputed.settlementRowsByDate());
        fake.trialBalance.addAll(recomputed.trialBalance().values());
        return fake;
    }

    @Override
    public Map<String, Optional<EventOutcome>> outcomes(List<String> eventIds) {
        Map<String, Optional<EventOutcome>> answers = new LinkedHashMap<>();
        eventIds.stream()
                .filter(id -> !unavailable.contains(id))
                .forEach(id -> answers.put(id, Optional.ofNullable(outcomes.get(id))));
        return answers;
    }

    @Override
    public Map<String, Optional<List<BalanceLine>>> balances(List<String> accountIds) {
        Map<String, Optional<List<BalanceLine>>> answers = new LinkedHashMap<>();
        accountIds.forEach(id -> answers.put(
                id, unavailable.contains(id) ? Optional.empty() : Optional.of(balances.getOrDefault(id, List.of()))));
        return answers;
    }

    @Override
    public List<SettlementRow> settlementRowsOn(LocalDate date) {
        return rows.getOrDefault(date, List.of());
    }

    @Override
    public List<RecomputedTrialBalance> trialBalance() {
        return trialBalance;
    }

    @Override
    public String describe() {
        return "a fake query side";
    }
}
