package org.kleline.ledger.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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

    @Test
    void eachDefectIsKnownByWhatMakesTheApiRefuseIt() {
        assertThat(DeliberateDefects.recognise(json(
                        "{\"type\":\"WalletToppedUp\",\"eventId\":\"e-1\"," + "\"walletId\":\"w-1\",\"amount\":0}")))
                .contains(Defect.ZERO_AMOUNT);
        assertThat(DeliberateDefects.recognise(json("{\"type\":\"WalletOpened\",\"eventId\":\"e-1\","
                        + "\"walletId\":\"w-1\",\"currency\":\"EUR\",\"maxBalance\":0}")))
                .contains(Defect.ZERO_AMOUNT);
        assertThat(DeliberateDefects.recognise(json("{\"type\":\"WalletToppedUp\",\"eventId\":\"e-1\","
                        + "\"walletId\":\"w-1\",\"amount\":5,\"customerIp\":\"192.0.2.1\"}")))
                .contains(Defect.UNKNOWN_FIELD);
        assertThat(DeliberateDefects.recognise(json("{\"type\":\"WalletToppedUp\",\"eventId\":\"order 12#2\","
                        + "\"walletId\":\"w-1\",\"amount\":5}")))
                .contains(Defect.INVALID_EVENT_ID);
        assertThat(DeliberateDefects.recognise(json("{\"type\":\"CardPaymentAuthorized\",\"eventId\":\"e-1\","
                        + "\"paymentId\":\"c-1\",\"merchantId\":\"m-1\",\"amount\":5,\"currency\":\"EURO\"}")))
                .contains(Defect.UNKNOWN_CURRENCY);
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
