package org.kleline.ledger.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kleline.ledger.simulator.config.SimulationConfig;
import org.kleline.ledger.simulator.generate.Defect;
import org.kleline.ledger.simulator.generate.EventGenerator;
import org.kleline.ledger.simulator.ndjson.NdjsonEventWriter;

class DeliberateDefectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyLineOfASimulatedYearIsToldApartAsTheGeneratorBrokeIt() {
        NdjsonEventWriter writer = new NdjsonEventWriter();
        Map<Defect, Long> recognised = new EnumMap<>(Defect.class);
        long[] lines = {0};
        EventGenerator.stream(SimulationConfig.defaults().withTransactions(30_000))
                .forEach(event -> {
                    lines[0]++;
                    Optional<Defect> defect;
                    try {
                        defect = DeliberateDefects.recognise(JSON.readTree(writer.line(event)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    assertThat(defect)
                            .as(event.envelope().getEventId())
                            .isEqualTo(event.refusalExpected() ? Optional.of(event.defect()) : Optional.empty());
                    defect.ifPresent(d -> recognised.merge(d, 1L, Long::sum));
                });
        assertThat(lines[0]).isGreaterThan(60_000);
        assertThat(recognised)
                .containsOnlyKeys(
                        Defect.ZERO_AMOUNT, Defect.UNKNOWN_FIELD, Defect.INVALID_EVENT_ID, Defect.UNKNOWN_CURRENCY);
    }

    static Stream<Arguments> linesBrokenOnPurpose() {
        return Stream.of(
                Arguments.of(
                        "{\"type\":\"WalletToppedUp\",\"eventId\":\"e-1\",\"walletId\":\"w-1\",\"amount\":0}",
                        Defect.ZERO_AMOUNT),
                Arguments.of(
                        "{\"type\":\"WalletOpened\",\"eventId\":\"e-1\",\"walletId\":\"w-1\",\"currency\":\"EUR\",\"maxBalance\":0}",
                        Defect.ZERO_AMOUNT),
                Arguments.of(
                        "{\"type\":\"WalletToppedUp\",\"eventId\":\"e-1\",\"walletId\":\"w-1\",\"amount\":5,"
                                + "\"customerIp\":\"192.0.2.1\"}",
                        Defect.UNKNOWN_FIELD),
                Arguments.of(
                        "{\"type\":\"WalletToppedUp\",\"eventId\":\"order 12#2\",\"walletId\":\"w-1\",\"amount\":5}",
                        Defect.INVALID_EVENT_ID),
                Arguments.of(
                        "{\"type\":\"CardPaymentAuthorized\",\"eventId\":\"e-1\",\"paymentId\":\"c-1\","
                                + "\"merchantId\":\"m-1\",\"amount\":5,\"currency\":\"EURO\"}",
                        Defect.UNKNOWN_CURRENCY));
    }

    @ParameterizedTest
    @MethodSource("linesBrokenOnPurpose")
    void eachDefectIsKnownByWhatMakesTheApiRefuseIt(String line, Defect defect) {
        assertThat(DeliberateDefects.recognise(json(line))).contains(defect);
    }

    @Test
    void otherBadLinesAreNotExpectedRefusals() {
        assertThat(DeliberateDefects.recognise(json(
                        "{\"type\":\"WalletToppedUp\",\"eventId\":\"e-1\"," + "\"walletId\":\"w-1\",\"amount\":-5}")))
                .isEmpty();
        assertThat(DeliberateDefects.recognise(json("{\"type\":\"Bogus\",\"eventId\":\"e-1\"}")))
                .isEmpty();
        assertThat(DeliberateDefects.recognise(json("[1,2]"))).isEmpty();
        assertThat(DeliberateDefects.recognise(null)).isEmpty();
    }
}
