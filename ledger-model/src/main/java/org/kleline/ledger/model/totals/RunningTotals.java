package org.kleline.ledger.model.totals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.journal.JournalLine;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.outcomes.RejectionReason;

/**
 * What one journal entry adds to the running totals of the partition of the log that decides it
 * (docs/domain.md, "Running totals"): each posting to its account's part in its currency (and, in
 * the projector, to the account's hour part), the entry's credits and debits per currency to that
 * currency's trial-balance part. One pure function, {@link #add}, computes every new value and says
 * whether one would pass {@link Long#MAX_VALUE}: the projector's decide stage checks with it before
 * it stores anything of an event and then writes exactly the values it computed; {@code LedgerReplay}
 * checks and applies with it too. So the check and the apply cannot drift, and an event whose
 * postings would overflow a total is {@link #limitExceeded REJECTED LIMIT_EXCEEDED} by every reader
 * of the log alike.
 *
 * <p>On a real log the trial-balance part decides: its credits and debits are the sums of every
 * account part's of the partition in that currency, and an hour part's those of a subset of its
 * account part's postings. The smaller parts are checked too so that no addition the apply makes
 * can fail, whatever the stores hold.
 */
public final class RunningTotals {

    private RunningTotals() {}

    /**
     * Where one partition keeps its running totals, as the caller names them.
     *
     * @param <K> the caller's name of one part: distinct for every account part and trial-balance part
     */
    public interface Parts<K> {

        /** The account parts one posting adds to, in the order they are added (at least its account and currency's). */
        List<K> accountParts(JournalLine posting);

        /** The trial-balance part of {@code currency}. */
        K trialBalancePart(CurrencyCode currency);

        /** What {@code part} holds now; {@code null} when nothing was added to it yet. */
        RunningTotal current(K part);
    }

    /**
     * The new value of every part an entry adds to, in the order first touched; or, when an addition
     * would pass {@link Long#MAX_VALUE}, the first part it would overflow and no values.
     *
     * @param after       part to its value after the entry; empty when {@code overflowing} is set
     * @param overflowing the first part that would overflow, or {@code null}
     * @param <K>         the caller's name of a part
     */
    public record Sum<K>(Map<K, RunningTotal> after, K overflowing) {

        public Sum {
            after = Collections.unmodifiableMap(after);
        }

        /** Whether every addition stays within a long: the entry may be applied. */
        public boolean fits() {
            return overflowing == null;
        }
    }

    /**
     * Adds {@code postings} (one journal entry) to the parts they touch, without changing anything:
     * each posting to every part of {@link Parts#accountParts} in turn (two postings to one part add
     * up), then per currency the entry's own credits, debits and count to the trial-balance part.
     */
    public static <K> Sum<K> add(List<JournalLine> postings, Parts<K> parts) {
        Map<K, RunningTotal> after = new LinkedHashMap<>();
        Map<CurrencyCode, RunningTotal> perCurrency = new LinkedHashMap<>();
        for (JournalLine posting : postings) {
            for (K part : parts.accountParts(posting)) {
                RunningTotal next = valueOf(part, after, parts).plusOrNull(posting.amountMinor());
                if (next == null) {
                    return new Sum<>(Map.of(), part);
                }
                after.put(part, next);
            }
            RunningTotal entrySum = perCurrency
                    .getOrDefault(posting.currency(), RunningTotal.ZERO)
                    .plusOrNull(posting.amountMinor());
            if (entrySum == null) {
                return new Sum<>(Map.of(), parts.trialBalancePart(posting.currency()));
            }
            perCurrency.put(posting.currency(), entrySum);
        }
        for (Map.Entry<CurrencyCode, RunningTotal> currency : perCurrency.entrySet()) {
            K part = parts.trialBalancePart(currency.getKey());
            RunningTotal next = valueOf(part, after, parts).plusOrNull(currency.getValue());
            if (next == null) {
                return new Sum<>(Map.of(), part);
            }
            after.put(part, next);
        }
        return new Sum<>(after, null);
    }

    private static <K> RunningTotal valueOf(K part, Map<K, RunningTotal> after, Parts<K> parts) {
        RunningTotal added = after.get(part);
        if (added != null) {
            return added;
        }
        RunningTotal current = parts.current(part);
        return current == null ? RunningTotal.ZERO : current;
    }

    /**
     * The outcome of an event the rules accepted but whose postings would take a running total of its
     * partition past {@link Long#MAX_VALUE}: REJECTED with {@code LIMIT_EXCEEDED}, like any rejection
     * no posting, no settlement effect and the aggregate's state as it was.
     *
     * @param accepted    the rules' decision, ACCEPTED
     * @param stateBefore the aggregate's state the rules were given
     */
    public static <S> Decision<S> limitExceeded(Decision<S> accepted, S stateBefore) {
        Objects.requireNonNull(accepted, "accepted");
        if (!accepted.isAccepted()) {
            throw new IllegalArgumentException("only an ACCEPTED decision can exceed a running total; event "
                    + accepted.eventId() + " is " + accepted.outcome());
        }
        return Decision.rejected(
                accepted.event(), accepted.key(), accepted.businessDate(), RejectionReason.LIMIT_EXCEEDED, stateBefore);
    }
}
