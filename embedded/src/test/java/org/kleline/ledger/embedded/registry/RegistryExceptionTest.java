package org.kleline.ledger.embedded.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistryExceptionTest {

    @Test
    void httpStatusIsTheFirstThreeDigitsOfTheErrorCode() {
        assertThat(RegistryException.subjectNotFound("s").httpStatus()).isEqualTo(404);
        assertThat(RegistryException.subjectNotFound("s").errorCode()).isEqualTo(40401);
        assertThat(RegistryException.versionNotFound("s", 3).errorCode()).isEqualTo(40402);
        assertThat(RegistryException.schemaIdNotFound(7).errorCode()).isEqualTo(40403);
        assertThat(RegistryException.invalidSchema("x").httpStatus()).isEqualTo(422);
        assertThat(RegistryException.invalidVersion("0").errorCode()).isEqualTo(42202);
        assertThat(RegistryException.storeError("x", null).httpStatus()).isEqualTo(500);
        assertThat(RegistryException.storeError("x", null).errorCode()).isEqualTo(50001);
    }

    @Test
    void plainHttpCodesAreTheirOwnStatus() {
        assertThat(RegistryException.incompatible("s", "[]").httpStatus()).isEqualTo(409);
        assertThat(RegistryException.incompatible("s", "[]").errorCode()).isEqualTo(409);
        assertThat(new RegistryException(413, "too large").httpStatus()).isEqualTo(413);
    }

    @Test
    void messagesNameTheSubjectAndVersion() {
        assertThat(RegistryException.subjectNotFound("payments-value").getMessage())
                .isEqualTo("Subject 'payments-value' not found.");
        assertThat(RegistryException.versionNotFound("payments-value", 4).getMessage())
                .isEqualTo("Version 4 not found for subject 'payments-value'.");
    }

    @Test
    void anErrorCodeBelowHundredIsRefused() {
        assertThatThrownBy(() -> new RegistryException(42, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("42");
    }
}
