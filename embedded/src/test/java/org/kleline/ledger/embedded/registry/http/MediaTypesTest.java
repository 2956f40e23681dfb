package org.kleline.ledger.embedded.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kleline.ledger.embedded.registry.RegistryException;

class MediaTypesTest {

    @Test
    void theApiTypesPlainJsonAndNoTypeAreAcceptedForRequests() {
        assertThatCode(() -> {
                    MediaTypes.requireAcceptedRequestType("application/vnd.schemaregistry.v1+json");
                    MediaTypes.requireAcceptedRequestType("application/vnd.schemaregistry+json; charset=utf-8");
                    MediaTypes.requireAcceptedRequestType("application/json");
                    MediaTypes.requireAcceptedRequestType(null);
                })
                .doesNotThrowAnyException();
    }

    @Test
    void otherRequestTypesAre415() {
        assertThatThrownBy(() -> MediaTypes.requireAcceptedRequestType("text/plain"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(415);
                    assertThat(e.getMessage()).contains("text/plain");
                });
    }

    @Test
    void responsesAreV1UnlessTheClientPrefersAnotherApiType() {
        assertThat(MediaTypes.responseType(null)).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(MediaTypes.responseType("*/*")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(MediaTypes.responseType("application/json")).isEqualTo("application/json");
        assertThat(
                        MediaTypes.responseType(
                                "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5"))
                .isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(MediaTypes.responseType("application/json; q=0.5, application/vnd.schemaregistry+json"))
                .isEqualTo("application/vnd.schemaregistry+json");
    }
}
