package org.kleline.ledger.query.views;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.kleline.ledger.query.reads.AccountBalancesRead;
import org.kleline.ledger.query.reads.CardPaymentRead;
import org.kleline.ledger.query.reads.KeyedOutcomeRead;
import org.kleline.ledger.query.reads.MerchantRead;
import org.kleline.ledger.query.reads.MerchantSettlementsRead;
import org.kleline.ledger.query.reads.MerchantsRead;
import org.kleline.ledger.query.reads.OutcomeRead;
import org.kleline.ledger.query.reads.OutcomesRead;
import org.kleline.ledger.query.reads.SettlementSummaryPart;
import org.kleline.ledger.query.reads.SettlementSummaryRead;
import org.kleline.ledger.query.reads.SettlementsOnRead;
import org.kleline.ledger.query.reads.StatementPart;
import org.kleline.ledger.query.reads.StatementRead;
import org.kleline.ledger.query.reads.TrialBalanceRead;
import org.kleline.ledger.query.reads.WalletRead;
import org.kleline.ledger.query.routing.ReadRouter;
import org.kleline.ledger.query.statement.StatementCursor;
import org.kleline.ledger.web.outcome.OutcomeBody;

/**
 * The read API's answers built from routed reads. Single-aggregate answers are key reads on the
 * owner; an account's figures (a merchant's balance included) gather from every instance, because
 * an account's postings, even in one currency, may sit in several partitions of the balance views,
 * each holding a part of its figures.
 */
public final class RoutedLedgerViews implements LedgerViews {

    private final ReadRouter router;
    private final Clock clock;

    public RoutedLedgerViews(ReadRouter router, Clock clock) {
        this.router = router;
        this.clock = clock;
    }

    @Override
    public Optional<OutcomeBody> outcome(String eventId) {
        return router.gather(new OutcomeRead(eventId)).stream()
                .filter(Objects::nonNull)
                .min(OutcomeRead.SHOWN_FIRST);
    }

    @Override
    public Optional<OutcomeBody> outcome(String eventId, String key) {
        return Optional.ofNullable(router.read(new KeyedOutcomeRead(eventId, key)));
    }

    @Override
    public List<OutcomeBody> outcomes(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        Map<String, OutcomeBody> shown = new HashMap<>();
        for (List<OutcomeBody> part : router.gather(new OutcomesRead(eventIds))) {
            part.forEach(outcome -> shown.merge(outcome.eventId(), outcome, OutcomesRead::earlier));
        }
        return OutcomesRead.inAskedOrder(eventIds, shown);
    }

    @Override
    public Optional<WalletBody> wallet(String walletId) {
        return Optional.ofNullable(router.read(new WalletRead(walletId)));
    }

    @Override
    public Optional<CardPaymentBody> cardPayment(String paymentId) {
        return Optional.ofNullable(router.read(new CardPaymentRead(paymentId)));
    }

    @Override
    public Optional<MerchantBody> merchant(String merchantId) {
        MerchantAnswer profile = router.read(new MerchantRead(merchantId));
        if (profile == null) {
            return Optional.empty();
        }
        // The merchant's postings may sit in any partition of the balance stage: gathered like any account's.
        List<AccountBalancesPart> parts = router.gather(
                new AccountBalancesRead(AccountId.merchant(merchantId).value(), null));
        long balance = PartMerges.balances(AccountId.merchant(merchantId).value(), parts).stream()
                .filter(b -> b.currency().equals(profile.currency()))
                .mapToLong(BalanceBody::balance)
                .findFirst()
                .orElse(0L);
        return Optional.of(MerchantBody.of(profile, clock.instant(), balance));
    }

    @Override
    public Optional<List<BalanceBody>> balances(AccountId account, Instant asOf) {
        List<AccountBalancesPart> parts =
                router.gather(new AccountBalancesRead(account.value(), asOf == null ? null : asOf.toEpochMilli()));
        Long refusedBefore = PartMerges.refusedBefore(parts);
        if (refusedBefore != null) {
            throw new HistoryNotKeptException(asOf.toEpochMilli(), refusedBefore);
        }
        if (!PartMerges.anyPostings(parts) && !exists(account)) {
            return Optional.empty();
        }
        return Optional.of(PartMerges.balances(account.value(), parts));
    }

    @Override
    public Optional<EntriesPage> entries(
            AccountId account, Instant from, Instant to, StatementCursor after, int limit) {
        List<StatementPart> parts =
                router.gather(new StatementRead(account.value(), from.toEpochMilli(), to.toEpochMilli(), after, limit));
        if (!PartMerges.anyStatementPostings(parts) && !exists(account)) {
            return Optional.empty();
        }
        return Optional.of(PartMerges.statement(account.value(), parts, limit));
    }

    @Override
    public Optional<List<SettlementRowBody>> merchantSettlements(String merchantId, LocalDate from, LocalDate to) {
        List<SettlementRowBody> rows =
                PartMerges.rowsByDate(router.gather(new MerchantSettlementsRead(merchantId, from, to)));
        if (rows.isEmpty() && router.read(new MerchantRead(merchantId)) == null) {
            return Optional.empty();
        }
        return Optional.of(rows);
    }

    @Override
    public List<SettlementRowBody> settlementsOn(LocalDate date) {
        return PartMerges.rowsByMerchant(router.gather(new SettlementsOnRead(date)));
    }

    @Override
    public List<TrialBalanceLine> trialBalance() {
        return PartMerges.trialBalance(router.gather(new TrialBalanceRead()));
    }

    @Override
    public SettlementSummaryBody settlementSummary(LocalDate from, LocalDate to, String merchantId) {
        List<SettlementSummaryPart> parts = router.gather(new SettlementSummaryRead(from, to, merchantId));
        List<List<MerchantAnswer>> merchants = router.gather(new MerchantsRead());
        return PartMerges.settlementSummary(from, to, parts, merchants);
    }

    /**
     * An account without postings is still known when what it belongs to exists: the platform's
     * accounts always, a wallet or merchant once opened or onboarded. A partner is known only by its
     * commissions.
     */
    private boolean exists(AccountId account) {
        return switch (account.type()) {
            case PLATFORM -> true;
            case WALLET -> router.read(new WalletRead(account.ownerId())) != null;
            case MERCHANT -> router.read(new MerchantRead(account.ownerId())) != null;
            case PARTNER -> false;
        };
    }
}
