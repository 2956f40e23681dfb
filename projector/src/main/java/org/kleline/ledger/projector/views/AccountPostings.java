package org.kleline.ledger.projector.views;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.model.totals.RunningTotal;
import org.kleline.ledger.model.totals.RunningTotals;
import org.kleline.ledger.projector.read.AccountEntry;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.HistoryFold;
import org.kleline.ledger.projector.read.HistoryRetention;
import org.kleline.ledger.projector.read.StoreNames;

/**
 * Applies postings to the balance views of one partition of the decide stage: the partition of the
 * event that posted them, not of the account. So one account's figures are spread over the
 * partitions whose events posted to it, and every figure stored here is order-independent (a sum
 * per account, per account and hour, per currency, or a line under its own time key): a read adds
 * the parts of every partition (query-api). Postings are applied in the decide task itself, in the
 * transaction that decided them, instead of travelling through a repartition topic keyed by
 * account (about 3.5 records written and read back per event). With a {@link HistoryRetention}, a
 * wall-clock punctuation folds the history before the horizon ({@link HistoryFold}).
 *
 * <p>The sums are running totals of this partition (credits, debits, postings; ledger-model's
 * {@link RunningTotal}): an entry that would take one past {@link Long#MAX_VALUE} is found by
 * {@link #plan} before anything of its event is stored, and the decide stage rejects the event
 * LIMIT_EXCEEDED instead of failing at the same offset on every restart.
 */
public final class AccountPostings {

    /** How often the history horizon is moved when a retention is set: a full scan of the partition's history. */
    public static final Duration FOLD_INTERVAL = Duration.ofMinutes(1);

    private final KeyValueStore<String, BalanceTotals> balances;
    private final KeyValueStore<String, BalanceTotals> hours;
    private final KeyValueStore<String, AccountEntry> entries;
    private final KeyValueStore<String, BalanceTotals> trialBalance;
    private final HistoryFold history;

    /** The views of the task of {@code context} (see {@link #of}), history folded by {@code history}. */
    private AccountPostings(ProcessorContext<?, ?> context, HistoryFold history) {
        this.balances = context.getStateStore(StoreNames.BALANCES);
        this.hours = context.getStateStore(StoreNames.BALANCE_HOURS);
        this.entries = context.getStateStore(StoreNames.ACCOUNT_ENTRIES);
        this.trialBalance = context.getStateStore(StoreNames.TRIAL_BALANCE);
        this.history = history;
    }

    /**
     * The views of the task of {@code context}, which must be connected to the stores of
     * {@link ViewStores}; schedules the history fold when a retention is configured.
     */
    public static AccountPostings of(ProcessorContext<?, ?> context) {
        HistoryRetention retention = HistoryRetention.from(context.appConfigs());
        HistoryFold history = new HistoryFold(
                retention,
                context.getStateStore(StoreNames.BALANCE_HOURS),
                context.getStateStore(StoreNames.ACCOUNT_ENTRIES),
                context.getStateStore(StoreNames.HISTORY_HORIZON));
        if (!retention.forever()) {
            context.schedule(FOLD_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> history.foldIfDue());
        }
        return new AccountPostings(context, history);
    }

    /**
     * Works out what one accepted entry adds to this partition's running totals, changing nothing: the
     * balance part and the hour part of each posting's account and currency, and the trial-balance
     * part of each currency (ledger-model's {@link RunningTotals#add}, the very function
     * {@code LedgerReplay} decides with). The decide stage calls it before it stores anything of the
     * event: when the plan does not {@linkplain Plan#fits() fit}, a total would pass
     * {@link Long#MAX_VALUE} and the event is rejected LIMIT_EXCEEDED; otherwise it {@linkplain #apply
     * applies} the plan, writing exactly the values computed here. The entry is first checked to sum to
     * zero per currency: ledger-model checks it where it is built (JournalBalance), and it is checked
     * again here, where it is applied, so that no rule's bug can leave the views out of balance.
     *
     * @param eventId the event that posted them, which is also the journal entry's entryId
     * @param firstOfEventId true when no event of this eventId was decided in this partition before (the
     *     outcomes store has nothing under it): then no statement line of it can exist here, and each line is
     *     written without being read first
     * @throws IllegalStateException naming the entry, the currency and its sum when the postings do not balance
     */
    public Plan plan(
            List<org.kleline.ledger.model.journal.JournalLine> postings,
            String eventId,
            String eventType,
            long occurredAtMs,
            boolean firstOfEventId) {
        requireBalancedModel(postings, eventId);
        return planUnchecked(postings, eventId, eventType, occurredAtMs, firstOfEventId);
    }

    /**
     * Applies a plan made by {@link #plan} for the event being processed, before anything else was
     * written to the views: every running total it computed, then the statement lines.
     *
     * @throws IllegalStateException when the plan does not fit (the event must have been rejected)
     */
    public void apply(Plan plan) {
        if (!plan.fits()) {
            throw new IllegalStateException("journal entry " + plan.eventId + " would take the running total "
                    + plan.sum.overflowing() + " past " + Long.MAX_VALUE + "; it must be rejected, not applied");
        }
        plan.sum.after().forEach((part, total) -> part.store(this).put(part.key(), toBalanceTotals(total)));
        history.saw(plan.occurredAtMs);
        if (!history.keepsLine(plan.occurredAtMs)) {
            return;
        }
        List<org.kleline.ledger.model.journal.JournalLine> postings = plan.postings;
        for (int i = 0; i < postings.size(); i++) {
            if (firstOfAccount(postings, i)) {
                addLine(postings, i, plan);
            }
        }
    }

    /**
     * Adds the postings of one journal entry to their accounts' figures and to the trial balance, as
     * {@link #plan} then {@link #apply} do: for the views' tests, which feed entries as the journal
     * topic carries them.
     *
     * @throws IllegalStateException when the postings do not balance; nothing of the entry is applied
     * @throws ArithmeticException when a running total would pass {@link Long#MAX_VALUE}; nothing applied
     */
    void post(List<Posting> postings, String eventId, String eventType, long occurredAtMs) {
        requireBalanced(postings, eventId);
        applyUnchecked(postings, eventId, eventType, occurredAtMs);
    }

    /**
     * {@link #post} without the balance check: for the views' own tests, which feed single posting
     * lines in any order to show that every figure stored is order-independent.
     */
    void applyUnchecked(List<Posting> postings, String eventId, String eventType, long occurredAtMs) {
        List<org.kleline.ledger.model.journal.JournalLine> model = new ArrayList<>(postings.size());
        for (Posting p : postings) {
            model.add(org.kleline.ledger.model.journal.JournalLine.fromAvro(p));
        }
        Plan plan = planUnchecked(model, eventId, eventType, occurredAtMs, false);
        if (!plan.fits()) {
            throw new ArithmeticException("journal entry " + eventId + " would take the running total "
                    + plan.sum.overflowing() + " past " + Long.MAX_VALUE);
        }
        apply(plan);
    }

    private Plan planUnchecked(
            List<org.kleline.ledger.model.journal.JournalLine> postings,
            String eventId,
            String eventType,
            long occurredAtMs,
            boolean firstOfEventId) {
        return new Plan(
                postings,
                eventId,
                eventType,
                occurredAtMs,
                firstOfEventId,
                RunningTotals.add(postings, new StoreParts(occurredAtMs)));
    }

    /**
     * What one entry adds to the running totals of this partition, worked out by {@link #plan} and
     * written by {@link #apply}.
     */
    public static final class Plan {

        private final List<org.kleline.ledger.model.journal.JournalLine> postings;
        private final String eventId;
        private final String eventType;
        private final long occurredAtMs;
        private final boolean firstOfEventId;
        private final RunningTotals.Sum<Part> sum;

        private Plan(
                List<org.kleline.ledger.model.journal.JournalLine> postings,
                String eventId,
                String eventType,
                long occurredAtMs,
                boolean firstOfEventId,
                RunningTotals.Sum<Part> sum) {
            this.postings = List.copyOf(postings);
            this.eventId = eventId;
            this.eventType = eventType;
            this.occurredAtMs = occurredAtMs;
            this.firstOfEventId = firstOfEventId;
            this.sum = sum;
        }

        /** Whether every total stays within a long, so that the entry may be applied. */
        public boolean fits() {
            return sum.fits();
        }

        /** The first total that would pass {@link Long#MAX_VALUE}, as {@code store key}; null when it fits. */
        public String overflowing() {
            return sum.fits() ? null : sum.overflowing().toString();
        }
    }

    /** One running total of the partition: a key of the balances, balance-hours or trial-balance store. */
    record Part(String storeName, String key) {

        KeyValueStore<String, BalanceTotals> store(AccountPostings views) {
            return switch (storeName) {
                case StoreNames.BALANCES -> views.balances;
                case StoreNames.BALANCE_HOURS -> views.hours;
                case StoreNames.TRIAL_BALANCE -> views.trialBalance;
                default -> throw new IllegalStateException("no running totals in store " + storeName);
            };
        }

        @Override
        public String toString() {
            return storeName + " " + key;
        }
    }

    /** This partition's running totals, as the stores hold them, for a posting at {@code occurredAtMs}. */
    private final class StoreParts implements RunningTotals.Parts<Part> {

        private final long occurredAtMs;

        StoreParts(long occurredAtMs) {
            this.occurredAtMs = occurredAtMs;
        }

        @Override
        public List<Part> accountParts(org.kleline.ledger.model.journal.JournalLine posting) {
            String account = posting.account().value();
            String currency = posting.currency().code();
            return List.of(
                    new Part(StoreNames.BALANCES, AccountKeys.balance(account, currency)),
                    new Part(StoreNames.BALANCE_HOURS, history.hourKey(account, currency, occurredAtMs)));
        }

        @Override
        public Part trialBalancePart(CurrencyCode currency) {
            return new Part(StoreNames.TRIAL_BALANCE, currency.code());
        }

        @Override
        public RunningTotal current(Part part) {
            BalanceTotals stored = part.store(AccountPostings.this).get(part.key());
            return stored == null
                    ? null
                    : new RunningTotal(stored.getCredits(), stored.getDebits(), stored.getEntries());
        }
    }

    private static BalanceTotals toBalanceTotals(RunningTotal total) {
        return new BalanceTotals(total.credits(), total.debits(), total.postings());
    }

    /** An entry holds a handful of postings: a quadratic scan beats allocating a map. */
    static void requireBalanced(List<Posting> postings, String entryId) {
        requireBalanced(postings, entryId, Posting::getCurrency, Posting::getAmount);
    }

    private static void requireBalancedModel(
            List<org.kleline.ledger.model.journal.JournalLine> postings, String entryId) {
        requireBalanced(
                postings, entryId, p -> p.currency().code(), org.kleline.ledger.model.journal.JournalLine::amountMinor);
    }

    private static <P> void requireBalanced(
            List<P> postings, String entryId, Function<P, String> currencyOf, ToLongFunction<P> amountOf) {
        int size = postings.size();
        for (int i = 0; i < size; i++) {
            String currency = currencyOf.apply(postings.get(i));
            if (firstOfCurrency(postings, i, currencyOf)) {
                long sum = 0;
                for (int j = i; j < size; j++) {
                    if (currencyOf.apply(postings.get(j)).equals(currency)) {
                        sum = Math.addExact(sum, amountOf.applyAsLong(postings.get(j)));
                    }
                }
                if (sum != 0) {
                    throw new IllegalStateException("journal entry " + entryId + " does not balance in " + currency
                            + ": its postings sum to " + sum + ", not 0; nothing of it is applied to the views: "
                            + postings);
                }
            }
        }
    }

    private static <P> boolean firstOfCurrency(List<P> postings, int index, Function<P, String> currencyOf) {
        String currency = currencyOf.apply(postings.get(index));
        for (int i = 0; i < index; i++) {
            if (currencyOf.apply(postings.get(i)).equals(currency)) {
                return false;
            }
        }
        return true;
    }

    /** Whether posting {@code index} is the first of the entry on its account and currency. */
    private static boolean firstOfAccount(List<org.kleline.ledger.model.journal.JournalLine> postings, int index) {
        org.kleline.ledger.model.journal.JournalLine p = postings.get(index);
        for (int i = 0; i < index; i++) {
            org.kleline.ledger.model.journal.JournalLine q = postings.get(i);
            if (q.account().equals(p.account()) && q.currency().equals(p.currency())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The entry's statement line on the account and currency of posting {@code first}: one record for all
     * the entry's postings there (two postings of one event on one account share a line), so that the
     * line's amount stays what the hour and the balance received. Read first only when an event of the
     * same eventId may have written it in this partition (an id reused across keys, or the views' tests).
     */
    private void addLine(List<org.kleline.ledger.model.journal.JournalLine> postings, int first, Plan plan) {
        org.kleline.ledger.model.journal.JournalLine line = postings.get(first);
        long amount = 0;
        for (int i = first; i < postings.size(); i++) {
            org.kleline.ledger.model.journal.JournalLine p = postings.get(i);
            if (p.account().equals(line.account()) && p.currency().equals(line.currency())) {
                amount = Math.addExact(amount, p.amountMinor());
            }
        }
        String entryKey =
                AccountKeys.entry(line.account().value(), line.currency().code(), plan.occurredAtMs, plan.eventId);
        if (!plan.firstOfEventId) {
            AccountEntry previous = entries.get(entryKey);
            amount = previous == null ? amount : Math.addExact(previous.getAmount(), amount);
        }
        entries.put(entryKey, new AccountEntry(plan.eventId, plan.eventType, plan.occurredAtMs, amount));
    }
}
