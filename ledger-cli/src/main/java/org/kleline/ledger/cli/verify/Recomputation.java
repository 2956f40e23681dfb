package org.kleline.ledger.cli.verify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.model.journal.JournalLine;
import org.kleline.ledger.model.replay.LedgerReplay;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * Every figure of the ledger worked out again from the event log alone, with ledger-model's rules
 * ({@link LedgerReplay}), fed in replay order: outcomes, balances (with their credits and debits),
 * settlement rows, the trial balance, and the journal entry each accepted event must have.
 */
final class Recomputation {

    private final BusinessCalendar calendar;
    private final LedgerReplay replay;
    /** Each eventId once, in the order first read: what the outcome and journal checks walk. */
    private final List<String> eventIds = new ArrayList<>();

    private final Set<String> eventIdsSeen = new HashSet<>();
    /** Rare: eventIds decided (not DUPLICATE) under more than one key; docs/domain.md leaves their reads unspecified. */
    private final Set<String> reusedAcrossKeys = new HashSet<>();

    private final Map<String, Map<String, BalanceLine>> balances = new TreeMap<>();
    private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private final List<LoggedEvent> unreadable = new ArrayList<>();
    private final Map<Integer, String> lastDecidedByPartition = new TreeMap<>();
    private final Map<Integer, Long> lastDecidedOffsetByPartition = new TreeMap<>();
    private final Map<String, Long> postingsByCurrency = new TreeMap<>();
    private long events;

    /** @param partitions the partitions of ledger.events */
    Recomputation(BusinessCalendar calendar, int partitions) {
        this.calendar = calendar;
        this.replay = new LedgerReplay(calendar, partitions);
    }

    /**
     * Decides the next record; a record the projector cannot decide is kept aside (see {@link #unreadable()}).
     * Each partition's records come in offset order, every merchant event before the records that may
     * look its merchant up ({@link EventLogReplay}).
     */
    void apply(LoggedEvent record) {
        events++;
        if (!record.readable()) {
            unreadable.add(record);
            return;
        }
        String aggregate = AggregateKey.of(record.event()).value();
        if (!aggregate.equals(record.key())) {
            unreadable.add(LoggedEvent.unreadable(
                    record.partition(),
                    record.offset(),
                    record.key(),
                    "record key " + record.key() + " is not the event's aggregate " + aggregate));
            return;
        }
        Decision<?> decision;
        try {
            decision = replay.apply(
                    record.event(),
                    new LogPosition(
                            record.partition(), record.offset(), record.event().getAppendedAfter()));
        } catch (RuntimeException e) {
            unreadable.add(LoggedEvent.unreadable(
                    record.partition(), record.offset(), record.key(), "breaks the log's contract: " + e.getMessage()));
            return;
        }
        String eventId = decision.eventId();
        outcomes.merge(decision.outcome(), 1L, Long::sum);
        if (eventIdsSeen.add(eventId)) {
            eventIds.add(eventId);
        } else if (decision.recordsEventId()) {
            reusedAcrossKeys.add(eventId);
        }
        if (decision.recordsEventId()
                && record.offset() >= lastDecidedOffsetByPartition.getOrDefault(record.partition(), -1L)) {
            lastDecidedByPartition.put(record.partition(), eventId);
            lastDecidedOffsetByPartition.put(record.partition(), record.offset());
        }
        for (JournalLine posting : decision.postings()) {
            postingsByCurrency.merge(posting.currency().code(), 1L, Long::sum);
            balances.computeIfAbsent(posting.account().value(), a -> new TreeMap<>())
                    .merge(
                            posting.currency().code(),
                            BalanceLine.zero(posting.currency().code()).plus(posting.amountMinor()),
                            Recomputation::sum);
        }
    }

    private static BalanceLine sum(BalanceLine a, BalanceLine b) {
        return new BalanceLine(
                a.currency(),
                Math.addExact(a.balance(), b.balance()),
                Math.addExact(a.credits(), b.credits()),
                Math.addExact(a.debits(), b.debits()));
    }

    long events() {
        return events;
    }

    /** Each eventId once, in replay order. */
    List<String> eventIds() {
        return Collections.unmodifiableList(eventIds);
    }

    /** The first outcome of {@code eventId}, as {@code GET /v1/events/{id}} must show it. */
    Optional<EventOutcome> outcome(String eventId) {
        return replay.outcome(eventId);
    }

    boolean reusedAcrossKeys(String eventId) {
        return reusedAcrossKeys.contains(eventId);
    }

    /** The journal entry {@code eventId} must have: present only when its first outcome is ACCEPTED. */
    Optional<JournalEntry> journalEntry(String eventId) {
        return outcome(eventId)
                .filter(o -> o.getOutcome() == Outcome.ACCEPTED)
                .map(o -> new JournalEntry(
                        o.getEventId(),
                        o.getEventId(),
                        o.getEventType(),
                        o.getOccurredAt(),
                        calendar.businessDate(o.getOccurredAt()),
                        o.getPostings()));
    }

    Map<Outcome, Long> outcomeCounts() {
        return Collections.unmodifiableMap(outcomes);
    }

    long outcomes(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /** Account id to its balances by currency. */
    Map<String, Map<String, BalanceLine>> balances() {
        return Collections.unmodifiableMap(balances);
    }

    long balanceLines() {
        return balances.values().stream().mapToLong(Map::size).sum();
    }

    /** Every settlement row by business date, in merchantId order within a date. */
    Map<LocalDate, List<SettlementRow>> settlementRowsByDate() {
        Map<LocalDate, List<SettlementRow>> byDate = new TreeMap<>();
        for (DailySettlement row : replay.settlements()) {
            byDate.computeIfAbsent(row.key().businessDate(), d -> new ArrayList<>())
                    .add(row.toAvro());
        }
        return byDate;
    }

    /** The trial balance per currency, from the recomputed balances. */
    Map<String, RecomputedTrialBalance> trialBalance() {
        Map<String, RecomputedTrialBalance> lines = new TreeMap<>();
        balances.values()
                .forEach(byCurrency -> byCurrency
                        .values()
                        .forEach(b -> lines.merge(
                                b.currency(),
                                new RecomputedTrialBalance(
                                        b.currency(),
                                        b.balance(),
                                        1,
                                        b.credits(),
                                        b.debits(),
                                        postingsByCurrency.getOrDefault(b.currency(), 0L)),
                                (x, y) -> new RecomputedTrialBalance(
                                        x.currency(),
                                        Math.addExact(x.total(), y.total()),
                                        x.accounts() + y.accounts(),
                                        Math.addExact(x.credits(), y.credits()),
                                        Math.addExact(x.debits(), y.debits()),
                                        x.postings()))));
        return lines;
    }

    /** Records the projector cannot decide (unreadable, or breaking the log's contract), in replay order. */
    List<LoggedEvent> unreadable() {
        return Collections.unmodifiableList(unreadable);
    }

    /** The last eventId decided (not DUPLICATE) on each partition: once they have outcomes, the projector is through. */
    Map<Integer, String> lastDecidedByPartition() {
        return Collections.unmodifiableMap(lastDecidedByPartition);
    }
}
