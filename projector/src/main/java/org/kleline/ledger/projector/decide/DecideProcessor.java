package org.kleline.ledger.projector.decide;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.journal.JournalEntry;
import org.kleline.ledger.model.cardpayment.CardPaymentDecider;
import org.kleline.ledger.model.cardpayment.CardPaymentState;
import org.kleline.ledger.model.decision.Decision;
import org.kleline.ledger.model.decision.DecisionContext;
import org.kleline.ledger.model.decision.EventOutcomes;
import org.kleline.ledger.model.decision.JournalEntries;
import org.kleline.ledger.model.decision.Payouts;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.model.merchant.MerchantDecider;
import org.kleline.ledger.model.merchant.MerchantState;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.model.totals.RunningTotals;
import org.kleline.ledger.model.validation.InvalidFieldException;
import org.kleline.ledger.model.wallet.WalletDecider;
import org.kleline.ledger.model.wallet.WalletState;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.errors.DeadLetterHandler;
import org.kleline.ledger.projector.errors.ProjectorMetrics;
import org.kleline.ledger.projector.merchants.MerchantDirectory;
import org.kleline.ledger.projector.read.CardPaymentRecord;
import org.kleline.ledger.projector.read.FirstOutcomes;
import org.kleline.ledger.projector.read.MerchantRecord;
import org.kleline.ledger.projector.read.SettlementKeys;
import org.kleline.ledger.projector.read.StateRecords;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.projector.read.WalletRecord;
import org.kleline.ledger.projector.settlement.SettlementDeltas;
import org.kleline.ledger.projector.views.AccountPostings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decide stage, one task per partition of ledger.events: loads the aggregate's state, calls
 * ledger-model's pure rule, stores what the decision implies (next state, the first outcome of the
 * eventId, which is also the duplicate check; a payoutId as used; the postings, in this partition's
 * balance views, {@link AccountPostings}) and emits the outcome, the journal entry and the
 * settlement effect re-keyed by row. An event that can be read but breaks the log's contract
 * (an invalid field, a record key that is not its aggregate) is a poison record: dead-letter topic,
 * no outcome. Any other failure while deciding is not the event's fault and fails the task, wrapped
 * with the event's id, partition and offset.
 *
 * <p>An event the rules accept is checked, before anything of it is stored, against the running
 * totals of this partition its postings add to ({@link AccountPostings#plan}): when one would pass
 * {@link Long#MAX_VALUE}, the event is REJECTED with LIMIT_EXCEEDED (no posting, no state change),
 * as {@code LedgerReplay} decides it, instead of failing at the same offset on every restart.
 */
public final class DecideProcessor implements Processor<String, EventEnvelope, String, DecideOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(DecideProcessor.class);

    private final BusinessCalendar calendar;
    private final MerchantDirectorySource merchantDirectories;
    private final ProjectorMetrics metrics;

    private ProcessorContext<String, DecideOutput> context;
    private AggregateStates<WalletState, WalletRecord> wallets;
    private AggregateStates<CardPaymentState, CardPaymentRecord> payments;
    private AggregateStates<MerchantState, MerchantRecord> merchants;
    private KeyValueStore<String, EventOutcome> outcomes;
    private KeyValueStore<String, byte[]> payoutIds;
    private AccountPostings accountPostings;
    private StoreDecisionContext decisionContext;
    private MerchantDirectory directory;
    /** The running totals the event being processed adds to, checked to fit; null when it posts nothing. */
    private AccountPostings.Plan pendingPostings;

    public DecideProcessor(
            BusinessCalendar calendar, MerchantDirectorySource merchantDirectories, ProjectorMetrics metrics) {
        this.calendar = calendar;
        this.merchantDirectories = merchantDirectories;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, DecideOutput> context) {
        this.context = context;
        KeyValueStore<String, MerchantRecord> merchantStore = context.getStateStore(StoreNames.MERCHANTS);
        wallets = new AggregateStates<>(
                context.getStateStore(StoreNames.WALLETS),
                StateRecords::wallet,
                StateRecords::toRecord,
                new WalletDecider(calendar)::decide);
        payments = new AggregateStates<>(
                context.getStateStore(StoreNames.CARD_PAYMENTS),
                StateRecords::payment,
                StateRecords::toRecord,
                new CardPaymentDecider(calendar)::decide);
        merchants = new AggregateStates<>(
                merchantStore, StateRecords::merchant, StateRecords::toRecord, new MerchantDecider(calendar)::decide);
        outcomes = context.getStateStore(StoreNames.OUTCOMES);
        payoutIds = context.getStateStore(StoreNames.PAYOUT_IDS);
        accountPostings = AccountPostings.of(context);
        directory = merchantDirectories.forTask(merchantStore);
        decisionContext = new StoreDecisionContext(outcomes, payoutIds, directory);
    }

    @Override
    public void process(Record<String, EventEnvelope> record) {
        EventEnvelope event = record.value();
        if (event == null) {
            deadLetter(record, "no value: ledger.events holds no tombstones");
            return;
        }
        AggregateKey key;
        try {
            key = AggregateKey.of(event);
        } catch (IllegalArgumentException e) {
            deadLetter(record, e.toString());
            return;
        }
        if (!key.value().equals(record.key())) {
            deadLetter(record, "record key '" + record.key() + "' is not the event's aggregate '" + key.value() + "'");
            return;
        }
        OptionalInt home = directory.partitionOfKey(record.key());
        int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
        if (home.isPresent() && partition >= 0 && home.getAsInt() != partition) {
            // Written around every producer of the log: its key's other events, and the merchant directory, are
            // elsewhere.
            deadLetter(
                    record,
                    "record key '" + record.key() + "' belongs to partition " + home.getAsInt()
                            + " of the event log, not " + partition + ": every producer partitions by key");
            return;
        }
        Decision<?> decision;
        EventOutcome outcome;
        try {
            decisionContext.deciding(position(event));
            decision = decideAndStore(key, event);
            outcome = EventOutcomes.of(decision);
        } catch (InvalidFieldException e) {
            // The event breaks the log's contract (EventValidator): it should never have been appended.
            deadLetter(record, e.toString());
            return;
        } catch (StreamsException e) {
            // Streams' own signals (a task migrated or corrupted, a send that failed) must reach it unchanged.
            throw e;
        } catch (RuntimeException e) {
            // Not the event's fault (a bug in a rule or a store, a directory behind): a crash, never a dead letter.
            throw failed(key, event, e);
        }
        if (decision.recordsEventId()) {
            // The duplicate check and the outcome view in one write: the first outcome is never replaced.
            FirstOutcomes.record(outcomes, outcome, decisionContext.firstUnderEventId(outcome.getEventId()));
        }
        emit(record, decision, outcome);
    }

    /** Where the record being processed stands: the cross-key rule reads it (LogPosition#boundFor). */
    private LogPosition position(EventEnvelope event) {
        RecordMetadata source = context.recordMetadata()
                .orElseThrow(
                        () -> new IllegalStateException("the decide stage processes records of ledger.events only"));
        return new LogPosition(source.partition(), source.offset(), event.getAppendedAfter());
    }

    private Decision<?> decideAndStore(AggregateKey key, EventEnvelope event) {
        String stateKey = key.value();
        pendingPostings = null;
        Decision<?> decision = switch (key.type()) {
            case WALLET -> decideOn(wallets, stateKey, event);
            case PAYMENT -> decideOn(payments, stateKey, event);
            case MERCHANT -> decideOn(merchants, stateKey, event);
            default -> throw new IllegalStateException("unknown aggregate type " + key.type());
        };
        Payouts.applied(decision)
                .ifPresent(p ->
                        payoutIds.put(DecisionKeys.payout(p.getMerchantId(), p.getPayoutId()), DecideStores.PRESENT));
        return decision;
    }

    /**
     * The rules' decision on the aggregate's state under {@code stateKey}, within the running totals;
     * an accepted decision stores the aggregate's next state (an aggregate that does not exist yet has none).
     */
    private <S, R> Decision<S> decideOn(AggregateStates<S, R> states, String stateKey, EventEnvelope event) {
        S before = states.state().apply(states.store().get(stateKey));
        Decision<S> decision = withinTotals(states.rules().decide(before, event, decisionContext), before);
        if (decision.isAccepted() && decision.nextState() != null) {
            states.store().put(stateKey, states.record().apply(decision.nextState()));
        }
        return decision;
    }

    /** An aggregate type's rules and the store of its states, kept as records. */
    private record AggregateStates<S, R>(
            KeyValueStore<String, R> store, Function<R, S> state, Function<S, R> record, AggregateRules<S> rules) {}

    /** The decide method of an aggregate type's decider ({@code WalletDecider::decide}). */
    @FunctionalInterface
    private interface AggregateRules<S> {
        Decision<S> decide(S before, EventEnvelope event, DecisionContext context);
    }

    /**
     * The rules' decision, or REJECTED LIMIT_EXCEEDED when its postings would take a running total of
     * this partition past {@link Long#MAX_VALUE}: checked before the caller stores anything of the
     * event, with the function {@code LedgerReplay} decides with ({@link RunningTotals#add}).
     */
    private <S> Decision<S> withinTotals(Decision<S> decision, S before) {
        if (!decision.isAccepted() || decision.postings().isEmpty()) {
            return decision;
        }
        AccountPostings.Plan plan = accountPostings.plan(
                decision.postings(),
                decision.eventId(),
                decision.eventType().name(),
                decision.occurredAt().toEpochMilli(),
                decisionContext.firstUnderEventId(decision.eventId()) == null);
        if (!plan.fits()) {
            LOG.warn(
                    "event {} of {} rejected LIMIT_EXCEEDED: its postings would take the running total {} of this "
                            + "partition past {} minor units",
                    decision.eventId(),
                    decision.key().value(),
                    plan.overflowing(),
                    Long.MAX_VALUE);
            return RunningTotals.limitExceeded(decision, before);
        }
        pendingPostings = plan;
        return decision;
    }

    private void emit(Record<String, EventEnvelope> record, Decision<?> decision, EventOutcome outcome) {
        String eventId = decision.eventId();
        context.forward(record.withKey(eventId).withValue(new DecideOutput.Outcome(outcome)));
        if (metrics != null) {
            // The record's timestamp is when ingest appended it (its producer's clock); the outcome never reads this.
            metrics.outcomeDecided(context.currentSystemTimeMs() - record.timestamp());
        }
        if (!decision.isAccepted()) {
            return;
        }
        JournalEntry entry = JournalEntries.of(decision);
        context.forward(record.withKey(entry.getEntryId()).withValue(new DecideOutput.Journal(entry)));
        if (pendingPostings != null) {
            accountPostings.apply(pendingPostings);
        }
        if (decision.settlementEffect() != null) {
            context.forward(record.withKey(SettlementKeys.byMerchant(
                            decision.settlementEffect().key()))
                    .withValue(new DecideOutput.SettlementOut(
                            SettlementDeltas.toDelta(decision.settlementEffect(), eventId))));
        }
    }

    private void deadLetter(Record<String, EventEnvelope> record, String error) {
        Headers headers = new RecordHeaders();
        headers.add(DeadLetterHandler.HEADER_ERROR, utf8(error));
        headers.add(DeadLetterHandler.HEADER_ERROR_CLASS, utf8(DecideProcessor.class.getName()));
        RecordMetadata source = context.recordMetadata().orElse(null);
        if (source != null) {
            headers.add(DeadLetterHandler.HEADER_SOURCE_TOPIC, utf8(source.topic()));
            headers.add(DeadLetterHandler.HEADER_SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
            headers.add(DeadLetterHandler.HEADER_SOURCE_OFFSET, utf8(Long.toString(source.offset())));
        }
        if (metrics != null) {
            metrics.poisonRecord();
        }
        context.forward(record.withValue((DecideOutput) new DecideOutput.DeadLetter(record.value()))
                .withHeaders(headers));
    }

    private IllegalStateException failed(AggregateKey key, EventEnvelope event, RuntimeException cause) {
        String where = context.recordMetadata()
                .map(m -> "partition " + m.partition() + " offset " + m.offset() + " of " + m.topic())
                .orElse("no record metadata");
        return new IllegalStateException(
                "deciding event " + event.getEventId() + " of " + key.value() + " (" + where + ") failed: " + cause,
                cause);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
