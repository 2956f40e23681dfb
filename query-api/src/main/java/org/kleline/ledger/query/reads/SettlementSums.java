package org.kleline.ledger.query.reads;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kleline.ledger.query.body.DayFigures;
import org.kleline.ledger.query.body.MerchantFigures;
import org.kleline.ledger.query.body.SettlementFigures;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.settlement.SettlementStatus;

/**
 * Settlement rows summed per date and currency and per merchant and currency, with the OPEN rows
 * counted and the earliest of them kept: filled row by row from a partition, or part by part from the
 * instances, which gives the same sums since the parts come from disjoint partitions.
 */
public final class SettlementSums {

    /** The OPEN rows a summary lists, earliest first; the others are counted only. */
    public static final int OPEN_SHOWN = 1_000;

    /** OPEN rows are listed in this order: by date, then merchant, then currency. */
    public static final Comparator<SettlementRowBody> OPEN_ORDER = Comparator.comparing(SettlementRowBody::date)
            .thenComparing(SettlementRowBody::merchantId)
            .thenComparing(SettlementRowBody::currency);

    private record DayKey(LocalDate date, String currency) {}

    private record MerchantKey(String merchantId, String currency) {}

    private static final Comparator<DayKey> DAY_ORDER =
            Comparator.comparing(DayKey::date).thenComparing(DayKey::currency);
    private static final Comparator<MerchantKey> MERCHANT_ORDER =
            Comparator.comparing(MerchantKey::merchantId).thenComparing(MerchantKey::currency);

    private final Map<DayKey, SettlementFigures> days = new TreeMap<>(DAY_ORDER);
    private final Map<MerchantKey, SettlementFigures> merchants = new TreeMap<>(MERCHANT_ORDER);
    private final List<SettlementRowBody> open = new ArrayList<>();
    private long openRows;

    /** Adds one row. */
    public void add(SettlementRowBody row) {
        SettlementFigures figures = SettlementFigures.of(row);
        addDay(new DayKey(row.date(), row.currency()), figures);
        addMerchant(new MerchantKey(row.merchantId(), row.currency()), figures);
        if (SettlementStatus.valueOf(row.status()) == SettlementStatus.OPEN) {
            openRows++;
            open.add(row);
        }
    }

    /** Adds an instance's part. */
    public void add(SettlementSummaryPart part) {
        part.days().forEach(d -> addDay(new DayKey(d.date(), d.currency()), d.figures()));
        part.merchants().forEach(m -> addMerchant(new MerchantKey(m.merchantId(), m.currency()), m.figures()));
        openRows += part.openRows();
        open.addAll(part.open());
    }

    /** The sums so far, with the earliest {@link #OPEN_SHOWN} OPEN rows. */
    public SettlementSummaryPart part() {
        List<DayFigures> dayList = new ArrayList<>(days.size());
        days.forEach((k, f) -> dayList.add(new DayFigures(k.date(), k.currency(), f)));
        List<MerchantFigures> merchantList = new ArrayList<>(merchants.size());
        merchants.forEach((k, f) -> merchantList.add(new MerchantFigures(k.merchantId(), null, null, k.currency(), f)));
        List<SettlementRowBody> shown =
                open.stream().sorted(OPEN_ORDER).limit(OPEN_SHOWN).toList();
        return new SettlementSummaryPart(dayList, merchantList, openRows, shown);
    }

    private void addDay(DayKey key, SettlementFigures figures) {
        days.merge(key, figures, (a, b) -> a.plus(b, key.date() + " in " + key.currency()));
    }

    private void addMerchant(MerchantKey key, SettlementFigures figures) {
        merchants.merge(key, figures, (a, b) -> a.plus(b, "merchant " + key.merchantId() + " in " + key.currency()));
    }
}
