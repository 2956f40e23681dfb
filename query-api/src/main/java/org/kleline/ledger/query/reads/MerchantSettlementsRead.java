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

/**
 * One merchant's settlement rows with {@code from <= date <= to} (either bound may be null: open).
 * Rows are keyed {@code merchantId|date|currency} and partitioned by that whole key, so one
 * merchant's rows are spread over every partition.
 */
@AnsweredFrom(StoreNames.SETTLEMENT_ROWS)
public record MerchantSettlementsRead(String merchantId, LocalDate from, LocalDate to)
        implements PartitionRead<List<SettlementRowBody>> {

    public MerchantSettlementsRead {
        Objects.requireNonNull(merchantId, "merchantId");
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to, were " + from + " and " + to);
        }
    }

    @Override
    public List<SettlementRowBody> readLocally(LocalStores stores, Set<Integer> partitions) {
        String prefix = SettlementKeys.merchantPrefix(merchantId);
        String first = from == null ? prefix : prefix + from;
        String last = (to == null ? prefix : prefix + to + SettlementKeys.SEPARATOR)
                + SettlementRanges.AFTER_EVERY_KEY_CHARACTER;
        List<SettlementRowBody> rows = new ArrayList<>();
        for (int partition : partitions) {
            stores.<SettlementRow>range(
                    store(), partition, first, last, (key, row) -> rows.add(SettlementRowBody.of(row)));
        }
        return rows;
    }
}
