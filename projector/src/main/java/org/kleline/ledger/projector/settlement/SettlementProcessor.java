package org.kleline.ledger.projector.settlement;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.projector.errors.ProjectorMetrics;
import org.kleline.ledger.projector.read.SettlementKeys;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.settlement.SettlementRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settlement stage, partitioned by {@code merchantId|date|currency}: adds each accepted event's
 * effect to its row (sums, so arrival order does not matter), keeps the row under both keys, and
 * emits it to ledger.settlements as it changes.
 *
 * <p>A row sums effects decided on every partition of the log, so the decide stage cannot keep it
 * in range, and the effects of several partitions arrive in no fixed order. Its sums therefore stop
 * at their bound instead of overflowing ({@link DailySettlement#apply}, as {@code LedgerReplay}
 * applies them): the same row in any order of arrival, and never a failure at an offset. An effect
 * that leaves its row {@linkplain DailySettlement#inRange() out of range} is still applied and
 * emitted, logged at ERROR with its eventId and counted in {@code settlement-effects-out-of-range-total};
 * a settlement run pays nothing from such a row.
 */
public final class SettlementProcessor implements Processor<String, SettlementDelta, String, SettlementRow> {

    private static final Logger LOG = LoggerFactory.getLogger(SettlementProcessor.class);

    private final ProjectorMetrics metrics;
    private ProcessorContext<String, SettlementRow> context;
    private KeyValueStore<String, SettlementRow> rows;
    private KeyValueStore<String, SettlementRow> rowsByDate;

    /** @param metrics where effects on rows out of range are counted; null to count nothing (tests) */
    public SettlementProcessor(ProjectorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SettlementRow> context) {
        this.context = context;
        rows = context.getStateStore(StoreNames.SETTLEMENT_ROWS);
        rowsByDate = context.getStateStore(StoreNames.SETTLEMENT_ROWS_BY_DATE);
    }

    @Override
    public void process(Record<String, SettlementDelta> record) {
        SettlementEffect effect = SettlementDeltas.toEffect(record.value());
        SettlementKey key = effect.key();
        String rowKey = SettlementKeys.byMerchant(key);
        SettlementRow stored = rows.get(rowKey);
        DailySettlement before = stored == null ? DailySettlement.empty(key) : DailySettlement.fromAvro(stored);
        DailySettlement applied = before.apply(effect);
        if (!applied.inRange()) {
            outOfRange(record.value().getEventId(), before, applied);
        }
        SettlementRow after = applied.toAvro();
        rows.put(rowKey, after);
        rowsByDate.put(
                SettlementKeys.byDate(after.getMerchantId(), after.getBusinessDate(), after.getCurrency()), after);
        context.forward(record.withKey(rowKey).withValue(after));
    }

    private void outOfRange(String eventId, DailySettlement before, DailySettlement after) {
        LOG.error(
                "settlement row {} is out of range after the effect of event {}: a sum reached 2^63-1 minor units "
                        + "(or net - paidOut fell to -2^63); its figures are bounds from now on and no settlement run pays "
                        + "from it. Before: {}; after: {}",
                after.key(),
                eventId,
                before,
                after);
        if (metrics != null) {
            metrics.settlementEffectOutOfRange();
        }
    }
}
