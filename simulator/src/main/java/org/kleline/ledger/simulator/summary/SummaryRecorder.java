package org.kleline.ledger.simulator.summary;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.model.event.EventTypes;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.simulator.generate.Defect;
import org.kleline.ledger.simulator.generate.ExpectedOutcome;
import org.kleline.ledger.simulator.generate.SimulatedEvent;

/** Counts the lines of a run as they go by, for its {@link SimulationSummary}. Not thread-safe. */
public final class SummaryRecorder {

    private static final int MONTHS = 12;

    private final BusinessCalendar calendar;
    private final long[] linesByType = new long[EventType.values().length];
    private final long[] linesByOutcome = new long[ExpectedOutcome.values().length];
    private final long[] linesByDefect = new long[Defect.values().length];
    private final long[] linesByMonth = new long[MONTHS];
    private final long[] transactionsByMonth = new long[MONTHS];
    private long lines;
    private long transactions;

    /** @param zone the settlement zone, whose dates decide the month of a line */
    public SummaryRecorder(ZoneId zone) {
        this.calendar = new BusinessCalendar(zone);
    }

    public void record(SimulatedEvent event) {
        int month = calendar.businessDate(event.envelope().getOccurredAt()).getMonthValue() - 1;
        lines++;
        linesByType[EventTypes.of(event.envelope()).ordinal()]++;
        linesByOutcome[event.expected().ordinal()]++;
        linesByDefect[event.defect().ordinal()]++;
        linesByMonth[month]++;
        if (event.isTransaction()) {
            transactions++;
            transactionsByMonth[month]++;
        }
    }

    public long lines() {
        return lines;
    }

    public long transactions() {
        return transactions;
    }

    public SimulationSummary summary() {
        Map<EventType, Long> byType = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            byType.put(type, linesByType[type.ordinal()]);
        }
        Map<ExpectedOutcome, Long> byOutcome = new EnumMap<>(ExpectedOutcome.class);
        for (ExpectedOutcome outcome : ExpectedOutcome.values()) {
            byOutcome.put(outcome, linesByOutcome[outcome.ordinal()]);
        }
        Map<Defect, Long> byDefect = new EnumMap<>(Defect.class);
        for (Defect defect : Defect.values()) {
            if (defect.isPresent()) {
                byDefect.put(defect, linesByDefect[defect.ordinal()]);
            }
        }
        return new SimulationSummary(
                lines, transactions, byType, byOutcome, byDefect, boxed(linesByMonth), boxed(transactionsByMonth));
    }

    private static List<Long> boxed(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long value : values) {
            list.add(value);
        }
        return list;
    }
}
