package org.kleline.ledger.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutcomeSampleTest {

    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "e-" + i).toList();
    }

    @Test
    void everyKthIdFromTheFirstWithTheSmallestStepThatKeepsAtMostTheSize() {
        assertThat(OutcomeSample.spread(ids(10), 3)).containsExactly("e-0", "e-4", "e-8");
        assertThat(OutcomeSample.spread(ids(10), 5)).containsExactly("e-0", "e-2", "e-4", "e-6", "e-8");
        assertThat(OutcomeSample.spread(ids(983_153), 20_000))
                .hasSizeLessThanOrEqualTo(20_000)
                .hasSizeGreaterThan(19_000);
    }

    @Test
    void noMoreIdsThanTheSizeMeansAllOfThem() {
        assertThat(OutcomeSample.spread(ids(4), 4)).containsExactly("e-0", "e-1", "e-2", "e-3");
        assertThat(OutcomeSample.spread(ids(0), 1)).isEmpty();
    }

    @Test
    void aSampleOfNothingIsRefused() {
        assertThatThrownBy(() -> OutcomeSample.spread(ids(3), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theViewAuditReadsTheSampleOnlyAndFindsAWrongOutcomeInIt() {
        Recomputation recomputed = SmallLedger.recomputed();
        List<String> all = recomputed.eventIds();
        FakeQuerySide query = FakeQuerySide.faithfulTo(recomputed);
        // the last event is outside a sample of 1 (the first), so its missing outcome is left to the topic audit
        query.outcomes.remove(all.get(all.size() - 1));
        Differences differences = new Differences();

        long checked = new ViewAudit(query, recomputed, differences, Duration.ZERO, 1).outcomes(n -> {});

        assertThat(checked).isEqualTo(1);
        assertThat(differences.count()).isZero();

        query.outcomes.remove(all.get(0));
        new ViewAudit(query, recomputed, differences, Duration.ZERO, 1).outcomes(n -> {});
        assertThat(differences.count(ViewAudit.OUTCOMES)).isEqualTo(1);
        assertThat(differences.first().get(0)).startsWith("outcomes: event " + all.get(0) + " has no outcome");
    }
}
