package org.kleline.ledger.model.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.cardpayment.CardPaymentDecider;
import org.kleline.ledger.model.cardpayment.CardPaymentState;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.decision.DecisionContext;
import org.kleline.ledger.model.decision.EventOutcomes;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.decision.Payouts;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.EventValidator;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.model.journal.JournalBalance;
import org.kleline.ledger.model.journal.JournalLine;
import org.kleline.ledger.model.merchant.MerchantDecider;
import org.kleline.ledger.model.merchant.MerchantHistory;
import org.kleline.ledger.model.merchant.MerchantState;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.model.topics.EventPartitions;
import org.kleline.ledger.model.totals.RunningTotal;
import org.kleline.ledger.model.totals.RunningTotals;
import org.kleline.ledger.model.wallet.WalletDecider;
import org.kleline.ledger.model.wallet.WalletState;
import org.kleline.ledger.outcomes.EventOutcome;

/**
 * The whole ledger in memory, fed the event log: every rule applied as the projector applies it,
 * every figure kept in maps. It is how an audit recomputes balances, settlement rows and outcomes
 * from the log alone, and how tests check invariants across aggregates.
 *
 * <p>Two ways to feed it. {@link #apply(EventEnvelope)} takes the events of a log of one partition,
 * one by one in log order. {@link #apply(EventEnvelope, LogPosition)} takes the records of a log of
 * {@code partitions} partitions with where each stands: each partition's records in offset order,
 * and every merchant event before the events that may reference it (applying all merchant events
 * first does it; {@code ledger verify} does so). A merchant seen from another key is the merchant's
 * state below the event's bound on the merchant's partition ({@link LogPosition#boundFor}), so the
 * order across partitions changes nothing.
 *
 * <p>Running totals are kept as the projector keeps them, per partition of the log: each account's
 * credits, debits and postings in each currency, and each currency's trial balance, once per
 * partition whose events posted to them. An event whose postings would take one of its partition's
 * totals past {@link Long#MAX_VALUE} is REJECTED with {@code LIMIT_EXCEEDED}, decided by the same
 * function as in the projector ({@link RunningTotals#add}), so that it depends only on the partition's
 * own records in offset order. The ledger-wide figures ({@link #balance}, {@link #balances},
 * {@link #trialBalance}) add the parts when read, and fail with an {@link ArithmeticException} when a
 * sum across partitions passes the range of a long: a read can fail, a replay does not. A settlement
 * row sums effects from every partition and cannot reject anything: its sums stop at their bound
 * ({@link DailySettlement#apply}).
 *
 * <p>Not thread-safe; one replay reads one log.
 */
public final class LedgerReplay {

    /** A space is not an id character, so joined keys cannot collide. */
    private static final char SEPARATOR = ' ';

    private final WalletDecider walletDecider;
    private final CardPaymentDecider cardPaymentDecider;
    private final MerchantDecider merchantDecider;

    private final Map<String, WalletState> wallets = new HashMap<>();
    private final Map<String, CardPaymentState> payments = new HashMap<>();
    private final Map<String, MerchantState> merchants = new HashMap<>();
    private final MerchantHistory merchantHistory = new MerchantHistory(new HashMap<>());
    private final int partitions;
    private long nextSequentialOffset;
    private LogPosition position;
    private final Set<String> seenEventIds = new HashSet<>();
    private final Set<String> usedPayoutIds = new HashSet<>();
    /** Per account and currency, its running total on each partition (null where none posted to it). */
    private final Map<AccountCurrency, RunningTotal[]> accountTotals = new HashMap<>();
    /** Per currency, the trial balance's running total on each partition. */
    private final Map<CurrencyCode, RunningTotal[]> trialTotals = new HashMap<>();
    /** What the event being applied adds to its partition's running totals, once checked to fit. */
    private RunningTotals.Sum<Part> pendingTotals;

    private final TreeMap<SettlementKey, DailySettlement> settlements = new TreeMap<>();
    private final Map<String, EventOutcome> firstOutcomes = new HashMap<>();
    private final DecisionContext context = new MapContext();

    /** A replay of a log of one partition, fed with {@link #apply(EventEnvelope)}. */
    public LedgerReplay(BusinessCalendar calendar) {
        this(calendar, 1);
    }

    /** A replay of a log of {@code partitions} partitions, fed with {@link #apply(EventEnvelope, LogPosition)}. */
    public LedgerReplay(BusinessCalendar calendar, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        this.partitions = partitions;
        this.walletDecider = new WalletDecider(calendar);
        this.cardPaymentDecider = new CardPaymentDecider(calendar);
        this.merchantDecider = new MerchantDecider(calendar);
    }

    /**
     * Decides the next event of a log of one partition and applies the decision.
     *
     * @throws org.kleline.ledger.model.validation.InvalidFieldException when the event breaks the
     *         contract of the log; nothing is applied then
     */
    public Decision<?> apply(EventEnvelope event) {
        if (partitions != 1) {
            throw new IllegalStateException("a replay of " + partitions + " partitions needs each record's position");
        }
        return apply(event, LogPosition.sequential(nextSequentialOffset));
    }

    /**
     * Decides the record at {@code where} and applies the decision.
     *
     * @throws org.kleline.ledger.model.validation.InvalidFieldException when the event breaks the
     *         contract of the log; nothing is applied then
     */
    public Decision<?> apply(EventEnvelope event, LogPosition where) {
        if (where.partition() >= partitions) {
            throw new IllegalArgumentException("partition " + where.partition() + " of a log of " + partitions);
        }
        nextSequentialOffset = Math.max(nextSequentialOffset, where.offset() + 1);
        EventValidator.requireValidLogEvent(event);
        this.position = where;
        AggregateKey key = AggregateKey.of(event);
        pendingTotals = null;
        Decision<?> decision;
        switch (key.type()) {
            case WALLET -> {
                WalletState before = wallets.get(key.id());
                Decision<WalletState> walletDecision =
                        withinTotals(walletDecider.decide(before, event, context), before, where.partition());
                putIfPresent(wallets, key.id(), walletDecision.nextState());
                decision = walletDecision;
            }
            case PAYMENT -> {
                CardPaymentState before = payments.get(key.id());
                Decision<CardPaymentState> paymentDecision =
                        withinTotals(cardPaymentDecider.decide(before, event, context), before, where.partition());
                putIfPresent(payments, key.id(), paymentDecision.nextState());
                decision = paymentDecision;
            }
            case MERCHANT -> {
                MerchantState before = merchants.get(key.id());
                Decision<MerchantState> merchantDecision =
                        withinTotals(merchantDecider.decide(before, event, context), before, where.partition());
                MerchantState after = merchantDecision.nextState();
                if (merchantDecision.isAccepted() && after != null && after != before) {
                    merchants.put(key.id(), after);
                    if (onItsPartition(key, where)) {
                        merchantHistory.record(key.id(), where.offset(), after);
                    }
                }
                decision = merchantDecision;
            }
            default -> throw new IllegalStateException("unknown aggregate " + key.type());
        }
        record(decision, where.partition());
        return decision;
    }

    /**
     * The rules' decision, or REJECTED LIMIT_EXCEEDED when its postings would take a running total of
     * {@code partition} past {@link Long#MAX_VALUE} (checked before anything of the event is kept).
     */
    private <S> Decision<S> withinTotals(Decision<S> decision, S before, int partition) {
        if (!decision.isAccepted() || decision.postings().isEmpty()) {
            return decision;
        }
        RunningTotals.Sum<Part> sum =
                RunningTotals.add(JournalBalance.requireBalanced(decision.postings()), new PartitionTotals(partition));
        if (!sum.fits()) {
            return RunningTotals.limitExceeded(decision, before);
        }
        pendingTotals = sum;
        return decision;
    }

    private void record(Decision<?> decision, int partition) {
        if (!decision.recordsEventId()) {
            return;
        }
        seenEventIds.add(seenKey(decision.key(), decision.eventId()));
        firstOutcomes.putIfAbsent(decision.eventId(), EventOutcomes.of(decision));
        if (!decision.isAccepted()) {
            return;
        }
        if (pendingTotals != null) {
            pendingTotals.after().forEach((part, total) -> partsOf(part)[partition] = total);
        }
        SettlementEffect effect = decision.settlementEffect();
        if (effect != null) {
            settlements.put(
                    effect.key(),
                    settlements
                            .getOrDefault(effect.key(), DailySettlement.empty(effect.key()))
                            .apply(effect));
        }
        Payouts.applied(decision)
                .ifPresent(payout -> usedPayoutIds.add(payout.getMerchantId() + SEPARATOR + payout.getPayoutId()));
    }

    public Optional<WalletState> wallet(String walletId) {
        return Optional.ofNullable(wallets.get(walletId));
    }

    public Optional<CardPaymentState> payment(String paymentId) {
        return Optional.ofNullable(payments.get(paymentId));
    }

    public Optional<MerchantState> merchant(String merchantId) {
        return Optional.ofNullable(merchants.get(merchantId));
    }

    /** The first outcome decided for {@code eventId}; a later DUPLICATE does not replace it. */
    public Optional<EventOutcome> outcome(String eventId) {
        return Optional.ofNullable(firstOutcomes.get(eventId));
    }

    /**
     * Credits minus debits of one account in one currency, every partition's part added; 0 when never
     * posted.
     *
     * @throws ArithmeticException when its credits or its debits over every partition pass 2^63-1
     */
    public long balance(AccountCurrency accountCurrency) {
        RunningTotal[] parts = accountTotals.get(accountCurrency);
        return parts == null
                ? 0L
                : sumOfParts(
                                parts,
                                accountCurrency.account().value() + " in "
                                        + accountCurrency.currency().code())
                        .balance();
    }

    /**
     * Every balance ever posted to.
     *
     * @throws ArithmeticException as {@link #balance} does, for the first account whose sums pass 2^63-1
     */
    public Map<AccountCurrency, Long> balances() {
        Map<AccountCurrency, Long> balances = new HashMap<>();
        accountTotals.keySet().forEach(accountCurrency -> balances.put(accountCurrency, balance(accountCurrency)));
        return Collections.unmodifiableMap(balances);
    }

    /**
     * Credits minus debits of every posting per currency: zero in every currency when the ledger is sound.
     *
     * @throws ArithmeticException when a currency's credits or debits over every partition pass 2^63-1
     */
    public Map<CurrencyCode, Long> trialBalance() {
        Map<CurrencyCode, Long> totals = new TreeMap<>((a, b) -> a.code().compareTo(b.code()));
        trialTotals.forEach((currency, parts) -> totals.put(
                currency,
                sumOfParts(parts, "the trial balance in " + currency.code()).balance()));
        return totals;
    }

    /** The running total of {@code accountCurrency} on one partition: what the projector's part there holds. */
    public RunningTotal accountTotalOn(int partition, AccountCurrency accountCurrency) {
        RunningTotal[] parts = accountTotals.get(accountCurrency);
        return parts == null || parts[partition] == null ? RunningTotal.ZERO : parts[partition];
    }

    /** The trial balance's running total of {@code currency} on one partition. */
    public RunningTotal trialBalanceTotalOn(int partition, CurrencyCode currency) {
        RunningTotal[] parts = trialTotals.get(currency);
        return parts == null || parts[partition] == null ? RunningTotal.ZERO : parts[partition];
    }

    private static RunningTotal sumOfParts(RunningTotal[] parts, String what) {
        RunningTotal sum = RunningTotal.ZERO;
        for (RunningTotal part : parts) {
            if (part != null) {
                sum = sum.plusOrNull(part);
                if (sum == null) {
                    throw new ArithmeticException(what + ": the credits or debits of every partition's part add up "
                            + "to more than " + Long.MAX_VALUE + " minor units");
                }
            }
        }
        return sum;
    }

    private RunningTotal[] partsOf(Part part) {
        if (part instanceof AccountPart a) {
            return accountTotals.computeIfAbsent(a.accountCurrency(), k -> new RunningTotal[partitions]);
        }
        return trialTotals.computeIfAbsent(((TrialPart) part).currency(), k -> new RunningTotal[partitions]);
    }

    /** Every settlement row, by date, merchantId and currency. */
    public List<DailySettlement> settlements() {
        return new ArrayList<>(settlements.values());
    }

    /** The settlement rows of one business date, in merchantId order. */
    public List<DailySettlement> settlementsOn(LocalDate businessDate) {
        List<DailySettlement> rows = new ArrayList<>();
        for (DailySettlement row : settlements.values()) {
            if (row.key().businessDate().equals(businessDate)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Whether a record stands on the partition its key hashes to. Every producer of the log partitions
     * by key; a merchant event written elsewhere by hand is not where the cross-key rule looks for it,
     * so it is never seen from another key (the merchant directory skips it too).
     */
    private boolean onItsPartition(AggregateKey key, LogPosition where) {
        return partitions == 1 || EventPartitions.partitionOf(key.value(), partitions) == where.partition();
    }

    private static String seenKey(AggregateKey key, String eventId) {
        return key.value() + SEPARATOR + eventId;
    }

    private static <S> void putIfPresent(Map<String, S> states, String id, S state) {
        if (state != null) {
            states.put(id, state);
        }
    }

    /** One running total of a partition, as {@link RunningTotals#add} names it. */
    private sealed interface Part permits AccountPart, TrialPart {}

    private record AccountPart(AccountCurrency accountCurrency) implements Part {}

    private record TrialPart(CurrencyCode currency) implements Part {}

    /** The running totals of one partition. */
    private final class PartitionTotals implements RunningTotals.Parts<Part> {

        private final int partition;

        PartitionTotals(int partition) {
            this.partition = partition;
        }

        @Override
        public List<Part> accountParts(JournalLine posting) {
            return List.of(new AccountPart(new AccountCurrency(posting.account(), posting.currency())));
        }

        @Override
        public Part trialBalancePart(CurrencyCode currency) {
            return new TrialPart(currency);
        }

        @Override
        public RunningTotal current(Part part) {
            RunningTotal[] parts = part instanceof AccountPart a
                    ? accountTotals.get(a.accountCurrency())
                    : trialTotals.get(((TrialPart) part).currency());
            return parts == null ? null : parts[partition];
        }
    }

    private final class MapContext implements DecisionContext {

        @Override
        public boolean seen(AggregateKey key, String eventId) {
            return seenEventIds.contains(seenKey(key, eventId));
        }

        @Override
        public Optional<MerchantTerms> merchantTerms(String merchantId, Instant at) {
            int merchantPartition = EventPartitions.partitionOf(
                    AggregateKey.merchant(merchantId).value(), partitions);
            return merchantHistory
                    .below(merchantId, position.boundFor(merchantPartition))
                    .map(m -> m.termsAt(at));
        }

        @Override
        public boolean payoutIdUsed(String merchantId, String payoutId) {
            return usedPayoutIds.contains(merchantId + SEPARATOR + payoutId);
        }
    }
}
