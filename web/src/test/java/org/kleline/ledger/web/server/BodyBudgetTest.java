package org.kleline.ledger.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    private static final long MIB = 1024L * 1024L;

    @Test
    void aRequestReservesItsToldLengthUpToTheLimitTheLimitWhenChunkedAndNothingWithoutABody() {
        BodyBudget budget = new BodyBudget(4 * MIB, MIB);
        assertThat(budget.reservation(300, false)).isEqualTo(300);
        assertThat(budget.reservation(5 * MIB, false)).isEqualTo(MIB);
        assertThat(budget.reservation(-1, true)).isEqualTo(MIB);
        assertThat(budget.reservation(-1, false)).isZero();
        assertThat(budget.reservation(0, false)).isZero();
    }

    @Test
    void whatDoesNotFitIsRefusedAndWhatIsGivenBackFitsAgain() {
        BodyBudget budget = new BodyBudget(2 * MIB, MIB);
        assertThat(budget.tryReserve(MIB)).isTrue();
        assertThat(budget.tryReserve(MIB)).isTrue();
        assertThat(budget.tryReserve(1)).isFalse();
        assertThat(budget.held()).isEqualTo(2 * MIB);

        AtomicInteger answered = new AtomicInteger();
        ReleasingCallback done =
                new ReleasingCallback(Callback.from(answered::incrementAndGet), () -> budget.release(MIB));
        done.succeeded();
        done.release(); // a second release gives nothing back twice
        assertThat(answered).hasValue(1);
        assertThat(budget.held()).isEqualTo(MIB);
        assertThat(budget.tryReserve(MIB)).isTrue();
        assertThat(budget.tryReserve(1)).isFalse();
    }

    @Test
    void theServersBudgetIsAQuarterOfTheHeapAtMostAndAlwaysHoldsOneRequest() {
        long quarter = Runtime.getRuntime().maxMemory() / BodyBudget.HEAP_SHARE_DIVISOR;
        assertThat(BodyBudget.ofHeap(MIB, 100_000).budgetBytes()).isEqualTo(Math.max(MIB, quarter));
        assertThat(BodyBudget.ofHeap(MIB, 2).budgetBytes()).isEqualTo(Math.min(2 * MIB, Math.max(MIB, quarter)));
        assertThatThrownBy(() -> new BodyBudget(MIB - 1, MIB)).hasMessageContaining("cannot hold one request");
    }
}
