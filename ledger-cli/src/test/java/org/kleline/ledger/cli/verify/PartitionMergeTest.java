package org.kleline.ledger.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MicropaymentRequested;

class PartitionMergeTest {

    private record Item(int partition, long time) {
    }

    private static final Comparator<Item> BY_TIME = Comparator.comparingLong(Item::time);

    private static List<Item> drain(PartitionMerge<Item> merge) {
        List<Item> out = new ArrayList<>();
        for (Item i = merge.poll(); i != null; i = merge.poll()) {
            out.add(i);
        }
        return out;
    }

    @Test
    void nothingIsGivenWhileAPartitionThatMayStillReceiveRecordsHasNone() {
        PartitionMerge<Item> merge = new PartitionMerge<>(2, BY_TIME);
        merge.add(0, new Item(0, 5));
        assertThat(merge.poll()).isNull();
        merge.add(1, new Item(1, 3));
        assertThat(drain(merge)).containsExactly(new Item(1, 3));
        merge.finish(1);
        assertThat(drain(merge)).containsExactly(new Item(0, 5));
        merge.finish(0);
        assertThat(merge.isDone()).isTrue();
    }

    @Test
    void recordsOfOnePartitionKeepTheirOrderEvenWhenTheirTimesDoNot() {
        PartitionMerge<Item> merge = new PartitionMerge<>(2, BY_TIME);
        merge.add(0, new Item(0, 10));
        merge.add(0, new Item(0, 1));
        merge.add(1, new Item(1, 5));
        merge.finish(0);
        merge.finish(1);
        assertThat(drain(merge)).containsExactly(new Item(1, 5), new Item(0, 10), new Item(0, 1));
    }

    @Test
    void aMerchantEventComesBeforeAPaymentOfTheSameMillisecond() {
        LoggedEvent payment = SmallLedger.event(0, 7, "wallet:w-1", "e-mp", 5,
                new MicropaymentRequested("w-1", "m-1", 100L));
        LoggedEvent merchant = SmallLedger.event(1, 3, "merchant:m-1", "e-onboard", 5, new MerchantOnboarded("m-1",
                "Figures", null, "EUR", new FeePlan(0, 0L, 0, 0L, 0L, 0)));
        LoggedEvent earlierPayment = SmallLedger.event(2, 0, "wallet:w-2", "e-mp-2", 4,
                new MicropaymentRequested("w-2", "m-1", 100L));
        assertThat(LoggedEvent.REPLAY_ORDER.compare(merchant, payment)).isNegative();
        assertThat(LoggedEvent.REPLAY_ORDER.compare(earlierPayment, merchant)).isNegative();
    }
}
