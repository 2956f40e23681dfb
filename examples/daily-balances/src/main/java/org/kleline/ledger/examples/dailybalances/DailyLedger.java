package org.kleline.ledger.examples.dailybalances;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * The accounting team's books, with no Kafka in them: every journal entry booked once, the movement of
 * each account per business date and currency, and the latest settlement row of each key. Amounts are
 * {@code long} minor units from end to end; a sum that would overflow fails instead of wrapping.
 *
 * <p>The daily balance of an account on a date is its closing balance, the sum of its movements up to
 * and including that date. It does not depend on the order in which entries arrive: the journal has no
 * order across partitions, and an import of past events can book an entry dated long ago.
 */
final class DailyLedger {

    /** One account in one currency on one business date. */
    public record AccountDay(String account, String currency, LocalDate businessDate) {

        static final Comparator<AccountDay> ORDER = Comparator.comparing(AccountDay::account)
                .thenComparing(AccountDay::currency)
                .thenComparing(AccountDay::businessDate);

        public AccountDay {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(businessDate, "businessDate");
        }
    }

    /**
     * A line of the report: what moved on an account that day, and where the account closed.
     *
     * @param movement the sum of the day's postings on the account, credit positive
     * @param closingBalance the account's balance at the end of the day
     */
    public record DailyBalance(
            String account, String currency, LocalDate businessDate, long movement, long closingBalance) {}

    private final Set<String> bookedEntries = new HashSet<>();
    private final SortedMap<AccountDay, Long> movements = new TreeMap<>(AccountDay.ORDER);
    private final SortedMap<String, SettlementRow> settlements = new TreeMap<>();

    /**
     * Books an entry unless an entry of that id was booked before: the journal may deliver an entry
     * again (after a restart between booking and committing, or after a rebuild of the ledger's views).
     *
     * @return whether it was booked now
     */
    public boolean book(JournalEntry entry) {
        if (bookedEntries.contains(entry.getEntryId())) {
            return false;
        }
        // All the sums first, then the books: an entry that would overflow one leaves them untouched.
        LocalDate date = entry.getBusinessDate();
        Map<AccountDay, Long> updated = new HashMap<>();
        for (Posting posting : entry.getPostings()) {
            AccountDay day = new AccountDay(posting.getAccount(), posting.getCurrency(), date);
            long before = updated.containsKey(day) ? updated.get(day) : movements.getOrDefault(day, 0L);
            updated.put(day, Math.addExact(before, posting.getAmount()));
        }
        movements.putAll(updated);
        bookedEntries.add(entry.getEntryId());
        return true;
    }

    /** Keeps the latest row of a key; {@code ledger.settlements} is compacted, every record an upsert. */
    public void upsertSettlement(String key, SettlementRow row) {
        if (row == null) {
            settlements.remove(key); // a tombstone: the ledger writes none today
        } else {
            settlements.put(key, row);
        }
    }

    /** Every account's movement and closing balance on each date it moved, by account, currency and date. */
    public List<DailyBalance> dailyBalances() {
        List<DailyBalance> lines = new ArrayList<>(movements.size());
        String account = null;
        String currency = null;
        long balance = 0;
        for (Map.Entry<AccountDay, Long> day : movements.entrySet()) {
            AccountDay key = day.getKey();
            if (!key.account().equals(account) || !key.currency().equals(currency)) {
                account = key.account();
                currency = key.currency();
                balance = 0;
            }
            balance = Math.addExact(balance, day.getValue());
            lines.add(new DailyBalance(account, currency, key.businessDate(), day.getValue(), balance));
        }
        return lines;
    }

    /** The balance of {@code account} in {@code currency} at the end of {@code date}: 0 before its first posting. */
    public long closingBalance(String account, String currency, LocalDate date) {
        long balance = 0;
        for (Map.Entry<AccountDay, Long> day : movements
                .subMap(
                        new AccountDay(account, currency, LocalDate.MIN),
                        new AccountDay(account, currency, date.plusDays(1)))
                .entrySet()) {
            balance = Math.addExact(balance, day.getValue());
        }
        return balance;
    }

    public SortedMap<String, SettlementRow> settlements() {
        return Collections.unmodifiableSortedMap(settlements);
    }

    public Set<String> bookedEntries() {
        return Collections.unmodifiableSet(bookedEntries);
    }

    public SortedMap<AccountDay, Long> movements() {
        return Collections.unmodifiableSortedMap(movements);
    }

    /** Books as they were saved: see {@link LedgerFiles}. */
    static DailyLedger restore(
            Collection<String> bookedEntries, Map<AccountDay, Long> movements, Map<String, SettlementRow> settlements) {
        DailyLedger ledger = new DailyLedger();
        ledger.bookedEntries.addAll(bookedEntries);
        ledger.movements.putAll(movements);
        ledger.settlements.putAll(settlements);
        return ledger;
    }
}
