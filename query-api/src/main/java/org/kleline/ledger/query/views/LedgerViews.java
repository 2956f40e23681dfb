package org.kleline.ledger.query.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.query.body.BalanceBody;
import org.kleline.ledger.query.body.CardPaymentBody;
import org.kleline.ledger.query.body.EntriesPage;
import org.kleline.ledger.query.body.MerchantBody;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.query.body.SettlementSummaryBody;
import org.kleline.ledger.query.body.TrialBalanceLine;
import org.kleline.ledger.query.body.WalletBody;
import org.kleline.ledger.query.statement.StatementCursor;
import org.kleline.ledger.web.outcome.OutcomeBody;

/**
 * What the read API answers, whole, whichever instances hold the parts. Empty means unknown (404).
 * Every method may throw {@link org.kleline.ledger.web.problem.UnavailableException} (503) when the
 * stores cannot give a right answer now.
 */
public interface LedgerViews {

    Optional<OutcomeBody> outcome(String eventId);

    /**
     * The first outcome of each of {@code eventIds} that has one, in the order asked (those without one
     * are left out); at most {@link org.kleline.ledger.query.reads.OutcomesRead#KEYS_MAX} ids, no id twice.
     */
    List<OutcomeBody> outcomes(List<String> eventIds);

    /** The first outcome of {@code eventId} under the aggregate key {@code key} ({@code wallet:w1}). */
    default Optional<OutcomeBody> outcome(String eventId, String key) {
        return outcome(eventId).filter(o -> o.key().equals(key));
    }

    Optional<WalletBody> wallet(String walletId);

    Optional<CardPaymentBody> cardPayment(String paymentId);

    Optional<MerchantBody> merchant(String merchantId);

    /**
     * Per currency, sorted by currency; as of {@code asOf} when not null. Empty when the account is unknown.
     *
     * @throws org.kleline.ledger.projector.read.HistoryNotKeptException when {@code asOf} is before the
     *     history the retention keeps
     */
    Optional<List<BalanceBody>> balances(AccountId account, Instant asOf);

    /** A page of lines with {@code from <= occurredAt <= to} after {@code after} (null: from the start). */
    Optional<EntriesPage> entries(AccountId account, Instant from, Instant to, StatementCursor after, int limit);

    /** Rows by date then currency; either bound may be null. Empty when the merchant is unknown. */
    Optional<List<SettlementRowBody>> merchantSettlements(String merchantId, LocalDate from, LocalDate to);

    /** Every merchant's rows of the date, by merchantId then currency. */
    List<SettlementRowBody> settlementsOn(LocalDate date);

    /** Per currency, sorted by currency. */
    List<TrialBalanceLine> trialBalance();

    /**
     * The rows of the dates {@code from..to} summed per currency, date, merchant and partner, with the
     * OPEN rows; {@code merchantId} narrows it to one merchant's rows (null: every merchant).
     */
    SettlementSummaryBody settlementSummary(LocalDate from, LocalDate to, String merchantId);
}
