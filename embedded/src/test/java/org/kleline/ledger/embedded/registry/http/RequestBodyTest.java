package org.kleline.ledger.embedded.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.embedded.registry.RegistryException;

class RequestBodyTest {

    private static final int LIMIT = 16;

    @Test
    void aBodyAtTheLimitIsRead() throws IOException {
        byte[] body = new byte[LIMIT];

        assertThat(RequestBody.read(new ByteArrayInputStream(body), "16", LIMIT))
                .hasSize(LIMIT);
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeReading() {
        assertThatThrownBy(() -> RequestBody.read(new ByteArrayInputStream(new byte[0]), "17", LIMIT))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(413);
                    assertThat(e.getMessage()).contains("16 bytes");
                });
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        assertThatThrownBy(() -> RequestBody.read(new ByteArrayInputStream(new byte[LIMIT + 1]), null, LIMIT))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(413));
    }

    @Test
    void discardingStopsAtItsLimit() throws IOException {
        assertThat(RequestBody.discard(new ByteArrayInputStream(new byte[100]), 100))
                .isTrue();
        assertThat(RequestBody.discard(new ByteArrayInputStream(new byte[20_000]), 10_000))
                .isFalse();
    }
}
