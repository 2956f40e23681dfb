package org.kleline.ledger.projector.settlement;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.kleline.ledger.model.settlement.DailySettlement;
import org.kleline.ledger.model.settlement.SettlementEffect;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.projector.topology.StoreNames;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * The settlement stage, partitioned by {@code merchantId|date|currency}: adds each accepted event's
 * effect to its row (sums, so arrival order does not matter), keeps the row under both keys, and
 * emits it to ledger.settlements as it changes.
 */
public final class SettlementProcessor implements Processor<String, SettlementDelta, String, SettlementRow> {

    private ProcessorContext<String, SettlementRow> context;
    private KeyValueStore<String, SettlementRow> rows;
    private KeyValueStore<String, SettlementRow> rowsByDate;

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
        SettlementRow after = before.apply(effect).toAvro();
        rows.put(rowKey, after);
        rowsByDate.put(SettlementKeys.byDate(after.getMerchantId(), after.getBusinessDate(), after.getCurrency()), after);
        context.forward(record.withKey(rowKey).withValue(after));
    }
}
