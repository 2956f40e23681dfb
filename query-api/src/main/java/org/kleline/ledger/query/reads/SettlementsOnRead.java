package org.kleline.ledger.query.reads;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.projector.read.SettlementKeys;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.settlement.SettlementRow;

/** Every merchant's settlement rows of one business date: one prefix of the by-date index. */
@AnsweredFrom(StoreNames.SETTLEMENT_ROWS_BY_DATE)
public record SettlementsOnRead(LocalDate date) implements PartitionRead<List<SettlementRowBody>> {

    public SettlementsOnRead {
        Objects.requireNonNull(date, "date");
    }

    @Override
    public List<SettlementRowBody> readLocally(LocalStores stores, Set<Integer> partitions) {
        String prefix = SettlementKeys.datePrefix(date);
        List<SettlementRowBody> rows = new ArrayList<>();
        for (int partition : partitions) {
            stores.<SettlementRow>range(
                    store(),
                    partition,
                    prefix,
                    prefix + SettlementRanges.AFTER_EVERY_KEY_CHARACTER,
                    (key, row) -> rows.add(SettlementRowBody.of(row)));
        }
        return rows;
    }
}
