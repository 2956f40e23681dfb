package org.kleline.ledger.query.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.projector.read.HistoryNotKeptException;
import org.kleline.ledger.query.body.BalanceBody;
import org.kleline.ledger.query.body.CardPaymentBody;
import org.kleline.ledger.query.body.EntriesPage;
import org.kleline.ledger.query.body.MerchantAnswer;
import org.kleline.ledger.query.body.MerchantBody;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.query.body.SettlementSummaryBody;
import org.kleline.ledger.query.body.TrialBalanceLine;
import org.kleline.ledger.query.body.WalletBody;
import org.kleline.ledger.query.reads.AccountBalancesPart;
import org.kleline.ledger.query.reads.SettlementSums;
import org.kleline.ledger.query.reads.TrialBalancePart;
import org.kleline.ledger.query.statement.StatementCursor;
import org.kleline.ledger.query.views.LedgerViews;
import org.kleline.ledger.query.views.PartMerges;
import org.kleline.ledger.web.outcome.OutcomeBody;
import org.kleline.ledger.web.problem.UnavailableException;

/** Views answering what a test put in, recording what the routes asked; or 503 for everything. */
final class FakeViews implements LedgerViews {

    final Map<String, OutcomeBody> outcomes = new HashMap<>();
    final Map<String, WalletBody> wallets = new HashMap<>();
    final Map<String, List<BalanceBody>> balances = new HashMap<>();
    /** Parts of an account's balances as instances would answer them, merged as the routed views merge them. */
    final Map<String, List<AccountBalancesPart>> balanceParts = new HashMap<>();
    /** When set, the trial balance's parts per instance, merged as the routed views merge them. */
    List<List<TrialBalancePart>> trialBalanceParts;

    final Map<LocalDate, List<SettlementRowBody>> rowsByDate = new HashMap<>();
    /** The merchants store, for naming merchants and their partners in a settlement summary. */
    final List<MerchantAnswer> profiles = new ArrayList<>();

    final List<String> asked = new ArrayList<>();
    EntriesPage page = new EntriesPage(List.of(), null);
    boolean unavailable;
    /** The history horizon of {@code balances ?asOf}: null for the whole history. */
    Instant keptFrom;

    @Override
    public Optional<OutcomeBody> outcome(String eventId) {
        ask("outcome " + eventId);
        return Optional.ofNullable(outcomes.get(eventId));
    }

    @Override
    public List<OutcomeBody> outcomes(List<String> eventIds) {
        ask("outcomes " + eventIds.size() + " from " + eventIds.get(0));
        return eventIds.stream()
                .filter(outcomes::containsKey)
                .map(outcomes::get)
                .toList();
    }

    @Override
    public Optional<WalletBody> wallet(String walletId) {
        ask("wallet " + walletId);
        return Optional.ofNullable(wallets.get(walletId));
    }

    @Override
    public Optional<CardPaymentBody> cardPayment(String paymentId) {
        ask("card-payment " + paymentId);
        return Optional.empty();
    }

    @Override
    public Optional<MerchantBody> merchant(String merchantId) {
        ask("merchant " + merchantId);
        return Optional.empty();
    }

    @Override
    public Optional<List<BalanceBody>> balances(AccountId account, Instant asOf) {
        ask("balances " + account + " asOf=" + asOf);
        if (asOf != null && keptFrom != null && asOf.isBefore(keptFrom)) {
            throw new HistoryNotKeptException(asOf.toEpochMilli(), keptFrom.toEpochMilli());
        }
        List<AccountBalancesPart> parts = balanceParts.get(account.value());
        if (parts != null) {
            return Optional.of(PartMerges.balances(account.value(), parts));
        }
        return Optional.ofNullable(balances.get(account.value()));
    }

    @Override
    public Optional<EntriesPage> entries(
            AccountId account, Instant from, Instant to, StatementCursor after, int limit) {
        ask("entries " + account + " from=" + from.toEpochMilli() + " to=" + to.toEpochMilli() + " after=" + after
                + " limit=" + limit);
        return balances.containsKey(account.value()) ? Optional.of(page) : Optional.empty();
    }

    @Override
    public Optional<List<SettlementRowBody>> merchantSettlements(String merchantId, LocalDate from, LocalDate to) {
        ask("merchant-settlements " + merchantId + " " + from + ".." + to);
        return Optional.of(List.of());
    }

    @Override
    public List<SettlementRowBody> settlementsOn(LocalDate date) {
        ask("settlements " + date);
        return rowsByDate.getOrDefault(date, List.of());
    }

    /**
     * The rows of {@link #rowsByDate} in the period, split between two instances (every other row) and
     * summed as each would, then merged as the routed views merge; merchants named from {@link #profiles}.
     */
    @Override
    public SettlementSummaryBody settlementSummary(LocalDate from, LocalDate to, String merchantId) {
        ask("settlement-summary " + from + ".." + to + " merchant=" + merchantId);
        SettlementSums[] instances = {new SettlementSums(), new SettlementSums()};
        int i = 0;
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (SettlementRowBody row : rowsByDate.getOrDefault(date, List.of())) {
                if (merchantId == null || merchantId.equals(row.merchantId())) {
                    instances[i++ % 2].add(row);
                }
            }
        }
        return PartMerges.settlementSummary(
                from,
                to,
                List.of(instances[0].part(), instances[1].part()),
                List.of(
                        profiles.subList(0, profiles.size() / 2),
                        profiles.subList(profiles.size() / 2, profiles.size())));
    }

    @Override
    public List<TrialBalanceLine> trialBalance() {
        ask("trial-balance");
        if (trialBalanceParts != null) {
            return PartMerges.trialBalance(trialBalanceParts);
        }
        return List.of(new TrialBalanceLine("EUR", 0, 3, 100, 100, 4));
    }

    private void ask(String what) {
        if (unavailable) {
            throw new UnavailableException("the views are not queryable now: Kafka Streams is REBALANCING");
        }
        asked.add(what);
    }
}
