package org.kleline.ledger.embedded.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kleline.ledger.embedded.registry.RegistryException;

class VersionSpecTest {

    @Test
    void latestAndMinusOneMeanTheLatestVersion() {
        assertThat(VersionSpec.parse("latest").isLatest()).isTrue();
        assertThat(VersionSpec.parse("-1").isLatest()).isTrue();
    }

    @Test
    void aPositiveNumberIsThatVersion() {
        assertThat(VersionSpec.parse("12").number()).isEqualTo(12);
        assertThat(VersionSpec.parse("12").isLatest()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "first", "1.5", "99999999999"})
    void anythingElseIs42202NamingTheVersion(String text) {
        assertThatThrownBy(() -> VersionSpec.parse(text)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(42202);
            assertThat(e.getMessage()).contains("'" + text + "'");
        });
    }
}
