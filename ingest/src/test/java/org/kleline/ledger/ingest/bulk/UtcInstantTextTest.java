package org.kleline.ledger.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcInstantTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1999-11-26T07:00:00Z",
                "1999-11-26T07:00:00.5Z",
                "2020-02-29T23:59:59.123Z",
                "1970-01-01T00:00:00.000000001Z",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "2026-11-27T12:56:24.62Z"
            })
    void theCanonicalUtcShapeGivesTheSameInstantAsTheJdk(String text) {
        assertThat(UtcInstantText.parse(text)).contains(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1999-11-26T08:00:00+01:00",
                "1999-11-26T07:00:00z",
                "1999-11-26T07:00Z",
                "1999-11-26 07:00:00Z",
                "1999-02-30T00:00:00Z",
                "1999-12-31T23:59:60Z",
                "1999-11-26T24:00:00Z",
                "+12345-01-01T00:00:00Z",
                "1999-11-26T07:00:00.Z",
                "1999-11-26T07:00:00.1234567890Z",
                "1999-1a-26T07:00:00Z",
                "1999-11-26T07:00:00",
                "Z",
                ""
            })
    void anyOtherShapeIsLeftToTheGeneralParser(String text) {
        assertThat(UtcInstantText.parse(text)).isEmpty();
    }
}
