package org.kleline.ledger.embedded.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

/** What the tests expect of a registry refusal: its Confluent error code, its HTTP status and what it names. */
public final class RegistryRefusal {

    private RegistryRefusal() {}

    /** A check of a {@link RegistryException}, for AssertJ's {@code isInstanceOfSatisfying}. */
    public static Consumer<RegistryException> of(int errorCode, int httpStatus, String naming) {
        return e -> {
            assertThat(e.errorCode()).isEqualTo(errorCode);
            assertThat(e.httpStatus()).isEqualTo(httpStatus);
            assertThat(e.getMessage()).contains(naming);
        };
    }
}
