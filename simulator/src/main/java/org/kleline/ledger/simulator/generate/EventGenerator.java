package org.kleline.ledger.simulator.generate;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.kleline.ledger.simulator.business.ActiveMerchants;
import org.kleline.ledger.simulator.business.Chance;
import org.kleline.ledger.simulator.business.MerchantRoster;
import org.kleline.ledger.simulator.calendar.DayRhythm;
import org.kleline.ledger.simulator.calendar.VolumeCurve;
import org.kleline.ledger.simulator.calendar.YearCalendar;
import org.kleline.ledger.simulator.config.SimulationConfig;

/**
 * The simulated year as a lazy sequence of lines in occurredAt order (ties keep cause before
 * effect). It holds the roster, the wallets, one day of purchase times and the pending follow-ups
 * (captures, refunds, chargebacks, retries), never the year's events: the default year streams in
 * a few megabytes.
 *
 * <p>Each day's purchases (card payments and, from October, micropayments) are drawn up front in
 * exactly the number the {@link VolumeCurve} gives the day; everything they cause goes on an
 * {@link Agenda}; the two are merged by time. A purchase becomes exactly one transaction (an
 * accepted capture or micropayment), so the year holds exactly {@link SimulationConfig#transactions()}.
 *
 * <p>Not thread-safe. The same config gives the same lines, byte for byte once written.
 */
public final class EventGenerator implements Iterator<SimulatedEvent> {

    /** Keeps the traffic's draws apart from the roster's, so a roster tweak leaves the rhythm alone. */
    private static final long TRAFFIC_SEED_MIX = 0x9E3779B97F4A7C15L;

    private final SimulationConfig config;
    private final YearCalendar calendar;
    private final DayRhythm rhythm;
    private final long[] transactionsPerDay;
    private final long[] micropaymentsPerDay;
    private final Chance traffic;
    private final Agenda agenda;
    private final Emitter emitter;
    private final MerchantFlow merchants;
    private final CardFlow cards;
    private final WalletFlow wallets;
    /** Who turns a due action of each kind into its line: the flow it belongs to. */
    private final Map<Class<? extends Action>, Performer<Action>> performers;

    private int day = -1;
    private long[] slotTimes = new long[0];
    private boolean[] slotIsMicro = new boolean[0];
    private int slot;
    private SimulatedEvent next;

    /** Turns a due action into its line, or none (an empty wallet's redemption). */
    @FunctionalInterface
    private interface Performer<A extends Action> {
        SimulatedEvent perform(long atMs, A action);
    }

    private EventGenerator(SimulationConfig config) {
        this.config = config;
        this.calendar = new YearCalendar(config.year(), config.settlementZone());
        VolumeCurve volume = new VolumeCurve(calendar);
        this.rhythm = new DayRhythm(calendar);
        this.transactionsPerDay = volume.transactionsPerDay(config.transactions());
        this.micropaymentsPerDay = volume.micropaymentsPerDay(transactionsPerDay);
        MerchantRoster roster = MerchantRoster.draw(config, calendar, new Chance(config.seed()));
        this.traffic = new Chance(config.seed() ^ TRAFFIC_SEED_MIX);
        this.agenda = new Agenda(calendar.endMs());
        this.emitter = new Emitter(config.year(), traffic, agenda);
        Market market =
                new Market(roster, new ActiveMerchants(roster.profiles()), emitter, agenda, traffic, config.currency());
        this.merchants = new MerchantFlow(market);
        this.cards = new CardFlow(market, calendar);
        this.wallets = new WalletFlow(market);
        merchants.scheduleYear();
        this.performers = Map.ofEntries(
                performer(Action.Onboarding.class, merchants::onboard),
                performer(Action.PlanChange.class, merchants::changePlan),
                performer(Action.Capture.class, cards::capture),
                performer(Action.Refund.class, cards::refund),
                performer(Action.Chargeback.class, cards::chargeback),
                performer(Action.AbandonedAuthorization.class, cards::abandoned),
                performer(Action.Micropurchase.class, wallets::pay),
                performer(Action.Redemption.class, wallets::redeem),
                performer(Action.Retry.class, emitter::retry),
                performer(Action.Flawed.class, emitter::flawed));
    }

    /** The year of {@code config}, from its first line. */
    public static EventGenerator start(SimulationConfig config) {
        return new EventGenerator(config);
    }

    /** The year of {@code config} as a sequential, ordered stream. */
    public static Stream<SimulatedEvent> stream(SimulationConfig config) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(start(config), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Transactions emitted so far; {@link SimulationConfig#transactions()} once the year is done. */
    public long transactionsEmitted() {
        return emitter.transactions();
    }

    /** The most follow-ups pending at once so far: the generator's memory, beyond the roster and wallets. */
    public int pendingMax() {
        return agenda.sizeMax();
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = step();
        }
        return next != null;
    }

    @Override
    public SimulatedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the simulated year " + config.year() + " is over");
        }
        SimulatedEvent event = next;
        next = null;
        return event;
    }

    /** The next line, or null when the year is over. Some due actions make no line (an empty wallet's redemption). */
    private SimulatedEvent step() {
        while (true) {
            boolean slotsLeft = slot < slotTimes.length;
            if (!slotsLeft
                    && day + 1 < calendar.days()
                    && (agenda.isEmpty() || agenda.nextAtMs() >= calendar.dayStartMs(day + 1))) {
                loadDay(day + 1);
                continue;
            }
            if (!slotsLeft && agenda.isEmpty()) {
                return null;
            }
            SimulatedEvent event;
            if (!slotsLeft || (!agenda.isEmpty() && agenda.nextAtMs() <= slotTimes[slot])) {
                long atMs = agenda.nextAtMs();
                event = perform(atMs, agenda.poll());
            } else {
                long atMs = slotTimes[slot];
                event = slotIsMicro[slot] ? wallets.purchase(atMs) : cards.purchase(atMs);
                slot++;
            }
            if (event != null) {
                return event;
            }
        }
    }

    private SimulatedEvent perform(long atMs, Action action) {
        Performer<Action> performer = performers.get(action.getClass());
        if (performer == null) {
            throw new IllegalStateException("unknown action " + action);
        }
        return performer.perform(atMs, action);
    }

    private static <A extends Action> Map.Entry<Class<? extends Action>, Performer<Action>> performer(
            Class<A> kind, Performer<A> performer) {
        return Map.entry(kind, (atMs, action) -> performer.perform(atMs, kind.cast(action)));
    }

    /** Draws the day's purchase times and which of them are micropayments, in exactly the planned numbers. */
    private void loadDay(int newDay) {
        day = newDay;
        int count = Math.toIntExact(transactionsPerDay[day]);
        long micro = micropaymentsPerDay[day];
        slotTimes = rhythm.slotTimes(day, count, traffic.random());
        slotIsMicro = new boolean[count];
        for (int i = 0; i < count; i++) {
            // Selection sampling: each remaining slot is a micropayment with the remaining share.
            if (traffic.random().nextLong(count - i) < micro) {
                slotIsMicro[i] = true;
                micro--;
            }
        }
        slot = 0;
    }
}
