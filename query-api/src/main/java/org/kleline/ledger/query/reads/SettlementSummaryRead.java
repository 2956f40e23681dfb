package org.kleline.ledger.query.reads;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.kleline.ledger.projector.read.SettlementKeys;
import org.kleline.ledger.projector.read.StoreNames;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.query.local.LocalStores;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * The rows of every business date from {@code from} to {@code to} (inclusive) summed where they are
 * held: one range of the by-date index per partition, so an instance sends its sums, not its rows.
 * With {@code merchantId}, that merchant's rows only (a merchant key's scope); null for every merchant.
 */
@AnsweredFrom(StoreNames.SETTLEMENT_ROWS_BY_DATE)
public record SettlementSummaryRead(LocalDate from, LocalDate to, String merchantId)
        implements PartitionRead<SettlementSummaryPart> {

    public SettlementSummaryRead {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to, were " + from + " and " + to);
        }
    }

    @Override
    public SettlementSummaryPart readLocally(LocalStores stores, Set<Integer> partitions) {
        String first = SettlementKeys.datePrefix(from);
        String last = SettlementKeys.datePrefix(to) + SettlementRanges.AFTER_EVERY_KEY_CHARACTER;
        SettlementSums sums = new SettlementSums();
        for (int partition : partitions) {
            stores.<SettlementRow>range(store(), partition, first, last, (key, row) -> {
                if (merchantId == null || merchantId.equals(row.getMerchantId())) {
                    sums.add(SettlementRowBody.of(row));
                }
            });
        }
        return sums.part();
    }
}
