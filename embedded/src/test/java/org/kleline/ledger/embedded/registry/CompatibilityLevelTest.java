package org.kleline.ledger.embedded.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

    @Test
    void levelsAreParsedInAnyCase() {
        assertThat(CompatibilityLevel.parse("backward_transitive")).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(CompatibilityLevel.parse(" FULL ")).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void anUnknownLevelIs42203NamingIt() {
        assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
                .isInstanceOfSatisfying(RegistryException.class, RegistryRefusal.of(42203, 422, "SIDEWAYS"));
    }

    @Test
    void fullChecksBothDirectionsAndTransitiveLevelsAllVersions() {
        assertThat(CompatibilityLevel.FULL.newReadsOld()).isTrue();
        assertThat(CompatibilityLevel.FULL.oldReadsNew()).isTrue();
        assertThat(CompatibilityLevel.FULL.transitive()).isFalse();
        assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.newReadsOld()).isFalse();
        assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.transitive()).isTrue();
    }
}
