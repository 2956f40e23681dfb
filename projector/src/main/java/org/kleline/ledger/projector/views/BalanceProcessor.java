package org.kleline.ledger.projector.views;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.kleline.ledger.projector.topology.StoreNames;

/**
 * The balance stage, partitioned by {@code account|currency}. Postings of one account come from
 * every decide task, so they arrive in no particular time order: every figure stored here is a sum
 * (per account, per account and hour, per currency) or a line under its own time key, so it is
 * the same whatever the arrival order. With a {@link HistoryRetention}, a wall-clock punctuation
 * folds the history before the horizon ({@link HistoryFold}).
 */
public final class BalanceProcessor implements Processor<String, PostingLine, Void, Void> {

    private KeyValueStore<String, BalanceTotals> balances;
    private KeyValueStore<String, BalanceTotals> hours;
    private KeyValueStore<String, AccountEntry> entries;
    private KeyValueStore<String, BalanceTotals> trialBalance;
    private HistoryFold history;

    /** How often the history horizon is moved when a retention is set: a full scan of the partition's history. */
    static final Duration FOLD_INTERVAL = Duration.ofMinutes(1);

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        balances = context.getStateStore(StoreNames.BALANCES);
        hours = context.getStateStore(StoreNames.BALANCE_HOURS);
        entries = context.getStateStore(StoreNames.ACCOUNT_ENTRIES);
        trialBalance = context.getStateStore(StoreNames.TRIAL_BALANCE);
        HistoryRetention retention = HistoryRetention.from(context.appConfigs());
        history = new HistoryFold(retention, hours, entries, context.getStateStore(StoreNames.HISTORY_HORIZON));
        if (!retention.forever()) {
            context.schedule(FOLD_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> history.foldIfDue());
        }
    }

    @Override
    public void process(Record<String, PostingLine> record) {
        PostingLine line = record.value();
        String account = line.getAccount();
        String currency = line.getCurrency();
        long amount = line.getAmount();
        long at = line.getOccurredAt();

        String balanceKey = AccountKeys.balance(account, currency);
        balances.put(balanceKey, BalanceTotalsMath.plus(balances.get(balanceKey), amount));
        String hourKey = history.hourKey(account, currency, at);
        hours.put(hourKey, BalanceTotalsMath.plus(hours.get(hourKey), amount));
        trialBalance.put(currency, BalanceTotalsMath.plus(trialBalance.get(currency), amount));
        history.saw(at);
        if (!history.keepsLine(at)) {
            return;
        }

        // Two postings of one event on one account (or an event id reused under two keys) share a
        // line: adding keeps the line's amount equal to what the hour and the balance received.
        String entryKey = AccountKeys.entry(account, currency, at, line.getEventId());
        AccountEntry previous = entries.get(entryKey);
        long lineAmount = previous == null ? amount : Math.addExact(previous.getAmount(), amount);
        entries.put(entryKey, new AccountEntry(line.getEventId(), line.getEventType(), at, lineAmount));
    }
}
