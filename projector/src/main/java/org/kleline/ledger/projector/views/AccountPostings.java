package org.kleline.ledger.projector.views;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.projector.topology.StoreNames;

/**
 * Applies postings to the balance views of one partition of the decide stage: the partition of the
 * event that posted them, not of the account. So one account's figures are spread over the
 * partitions whose events posted to it, and every figure stored here is order-independent (a sum
 * per account, per account and hour, per currency, or a line under its own time key): a read adds
 * the parts of every partition (query-api). Postings are applied in the decide task itself, in the
 * transaction that decided them, instead of travelling through a repartition topic keyed by
 * account (about 3.5 records written and read back per event). With a {@link HistoryRetention}, a
 * wall-clock punctuation folds the history before the horizon ({@link HistoryFold}).
 */
public final class AccountPostings {

    /** How often the history horizon is moved when a retention is set: a full scan of the partition's history. */
    public static final Duration FOLD_INTERVAL = Duration.ofMinutes(1);

    private final KeyValueStore<String, BalanceTotals> balances;
    private final KeyValueStore<String, BalanceTotals> hours;
    private final KeyValueStore<String, AccountEntry> entries;
    private final KeyValueStore<String, BalanceTotals> trialBalance;
    private final HistoryFold history;

    private AccountPostings(KeyValueStore<String, BalanceTotals> balances, KeyValueStore<String, BalanceTotals> hours,
            KeyValueStore<String, AccountEntry> entries, KeyValueStore<String, BalanceTotals> trialBalance,
            HistoryFold history) {
        this.balances = balances;
        this.hours = hours;
        this.entries = entries;
        this.trialBalance = trialBalance;
        this.history = history;
    }

    /**
     * The views of the task of {@code context}, which must be connected to the stores of
     * {@link ViewStores}; schedules the history fold when a retention is configured.
     */
    public static AccountPostings of(ProcessorContext<?, ?> context) {
        KeyValueStore<String, BalanceTotals> hours = context.getStateStore(StoreNames.BALANCE_HOURS);
        KeyValueStore<String, AccountEntry> entries = context.getStateStore(StoreNames.ACCOUNT_ENTRIES);
        HistoryRetention retention = HistoryRetention.from(context.appConfigs());
        HistoryFold history = new HistoryFold(retention, hours, entries, context.getStateStore(StoreNames.HISTORY_HORIZON));
        if (!retention.forever()) {
            context.schedule(FOLD_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> history.foldIfDue());
        }
        return new AccountPostings(context.getStateStore(StoreNames.BALANCES), hours, entries,
                context.getStateStore(StoreNames.TRIAL_BALANCE), history);
    }

    /**
     * Adds the postings of one journal entry to their accounts' figures, and to the trial balance
     * once per currency (one read and write of its part for the entry, not one per posting). The
     * entry is first checked to sum to zero per currency: ledger-model checks it where it is built
     * (JournalBalance), and it is checked again here, where it is applied, so that no rule's bug can
     * leave the views out of balance.
     *
     * @param eventId the event that posted them, which is also the journal entry's entryId
     * @throws IllegalStateException naming the entry, the currency and its sum when the postings do not
     *     balance; nothing of the entry is applied
     */
    public void post(List<Posting> postings, String eventId, String eventType, long occurredAtMs) {
        requireBalanced(postings, eventId);
        applyUnchecked(postings, eventId, eventType, occurredAtMs);
    }

    /**
     * {@link #post} without the balance check: for the views' own tests, which feed single posting
     * lines in any order to show that every figure stored is order-independent.
     */
    void applyUnchecked(List<Posting> postings, String eventId, String eventType, long occurredAtMs) {
        String currency = null;
        BalanceTotals sum = null;
        for (Posting p : postings) {
            postToAccount(p.getAccount(), p.getCurrency(), p.getAmount(), eventId, eventType, occurredAtMs);
            if (!p.getCurrency().equals(currency)) {
                addToTrialBalance(currency, sum);
                currency = p.getCurrency();
                sum = BalanceTotalsMath.zero();
            }
            sum = BalanceTotalsMath.plus(sum, p.getAmount());
        }
        addToTrialBalance(currency, sum);
    }

    /** An entry holds a handful of postings: a quadratic scan beats allocating a map. */
    static void requireBalanced(List<Posting> postings, String entryId) {
        int size = postings.size();
        for (int i = 0; i < size; i++) {
            String currency = postings.get(i).getCurrency();
            if (firstOfCurrency(postings, i)) {
                long sum = 0;
                for (int j = i; j < size; j++) {
                    if (postings.get(j).getCurrency().equals(currency)) {
                        sum = Math.addExact(sum, postings.get(j).getAmount());
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

    private static boolean firstOfCurrency(List<Posting> postings, int index) {
        String currency = postings.get(index).getCurrency();
        for (int i = 0; i < index; i++) {
            if (postings.get(i).getCurrency().equals(currency)) {
                return false;
            }
        }
        return true;
    }

    private void addToTrialBalance(String currency, BalanceTotals sum) {
        if (currency != null) {
            trialBalance.put(currency, BalanceTotalsMath.plus(BalanceTotalsMath.orZero(trialBalance.get(currency)), sum));
        }
    }

    private void postToAccount(String account, String currency, long amount, String eventId, String eventType,
            long occurredAtMs) {
        String balanceKey = AccountKeys.balance(account, currency);
        balances.put(balanceKey, BalanceTotalsMath.plus(balances.get(balanceKey), amount));
        String hourKey = history.hourKey(account, currency, occurredAtMs);
        hours.put(hourKey, BalanceTotalsMath.plus(hours.get(hourKey), amount));
        history.saw(occurredAtMs);
        if (!history.keepsLine(occurredAtMs)) {
            return;
        }
        // Two postings of one event on one account share a line: adding keeps the line's amount
        // equal to what the hour and the balance received.
        String entryKey = AccountKeys.entry(account, currency, occurredAtMs, eventId);
        AccountEntry previous = entries.get(entryKey);
        long lineAmount = previous == null ? amount : Math.addExact(previous.getAmount(), amount);
        entries.put(entryKey, new AccountEntry(eventId, eventType, occurredAtMs, lineAmount));
    }
}
