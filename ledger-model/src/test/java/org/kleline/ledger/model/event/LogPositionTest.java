package org.kleline.ledger.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.validation.InvalidFieldException;

class LogPositionTest {

    @Test
    void onItsOwnPartitionAnEventIsBoundedByItsOwnOffsetWhateverItsStamp() {
        LogPosition position = new LogPosition(1, 40, List.of(5L, 900L, 7L));

        assertThat(position.boundFor(1)).isEqualTo(40);
    }

    @Test
    void onAnotherPartitionByItsStamp() {
        LogPosition position = new LogPosition(1, 40, List.of(5L, 900L, 7L));

        assertThat(position.boundFor(0)).isEqualTo(5);
        assertThat(position.boundFor(2)).isEqualTo(7);
    }

    @Test
    void withoutAStampOrBeyondItNothingOfAnotherPartitionCounts() {
        assertThat(new LogPosition(1, 40, null).boundFor(0)).isZero();
        assertThat(new LogPosition(1, 40, List.of(5L, 6L)).boundFor(3)).isZero();
    }

    @Test
    void aNegativeOffsetInTheStampIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new LogPosition(0, 0, List.of(1L, -1L)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("appendedAfter"));
        assertThatThrownBy(() -> LogPosition.requireValidAppendedAfter(Arrays.asList(1L, null)))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void aStampLongerThanAnyDeploymentIsRefused() {
        List<Long> huge = Collections.nCopies(LogPosition.PARTITIONS_MAX + 1, 0L);

        assertThatThrownBy(() -> LogPosition.requireValidAppendedAfter(huge))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("at most " + LogPosition.PARTITIONS_MAX);
    }
}
