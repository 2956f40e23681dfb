package org.kleline.ledger.simulator.ndjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.model.event.EventValidator;
import org.kleline.ledger.model.validation.InvalidFieldException;
import org.kleline.ledger.simulator.fixtures.ImportLineParser;
import org.kleline.ledger.simulator.fixtures.SimulatedYears;
import org.kleline.ledger.simulator.generate.Defect;
import org.kleline.ledger.simulator.generate.ExpectedOutcome;
import org.kleline.ledger.simulator.generate.SimulatedEvent;

class NdjsonEventWriterTest {

    private static final Instant AT = Instant.parse("1999-10-04T08:15:30Z");
    private static final FeePlan PLAN = new FeePlan(250, 15L, 1_000, 2L, 1_500L, 2_500);

    private final NdjsonEventWriter writer = new NdjsonEventWriter();

    @Test
    void everyPayloadIsWrittenWithTheFieldNamesOfTheWriteBodies() {
        assertThat(line(new MerchantOnboarded("m-0001", "Librairie du Marais", "p-07", "EUR", PLAN)))
                .isEqualTo(
                        "{\"type\":\"MerchantOnboarded\",\"eventId\":\"e-1\",\"occurredAt\":\"1999-10-04T08:15:30.000Z\","
                                + "\"merchantId\":\"m-0001\",\"name\":\"Librairie du Marais\",\"partnerId\":\"p-07\","
                                + "\"currency\":\"EUR\",\"feePlan\":{\"cardBps\":250,\"cardFixed\":15,\"microBps\":1000,"
                                + "\"microFixed\":2,\"chargebackFee\":1500,\"partnerShareBps\":2500}}\n");
        assertThat(line(new MerchantFeePlanChanged("m-0001", PLAN, Instant.parse("1999-10-31T23:00:00Z"))))
                .isEqualTo("{\"type\":\"MerchantFeePlanChanged\",\"eventId\":\"e-1\","
                        + "\"occurredAt\":\"1999-10-04T08:15:30.000Z\",\"merchantId\":\"m-0001\","
                        + "\"feePlan\":{\"cardBps\":250,\"cardFixed\":15,\"microBps\":1000,\"microFixed\":2,"
                        + "\"chargebackFee\":1500,\"partnerShareBps\":2500},"
                        + "\"effectiveFrom\":\"1999-10-31T23:00:00.000Z\"}\n");
        assertThat(line(new WalletOpened("w-000001", "EUR", 15_000L)))
                .isEqualTo("{\"type\":\"WalletOpened\",\"eventId\":\"e-1\",\"occurredAt\":\"1999-10-04T08:15:30.000Z\","
                        + "\"walletId\":\"w-000001\",\"currency\":\"EUR\",\"maxBalance\":15000}\n");
        assertLineEndsWith(new WalletToppedUp("w-000001", 5_000L), "\"walletId\":\"w-000001\",\"amount\":5000}\n");
        assertLineEndsWith(new WalletRedeemed("w-000001", 120L), "\"walletId\":\"w-000001\",\"amount\":120}\n");
        assertThat(line(new MicropaymentRequested("w-000001", "m-0005", 250L)))
                .isEqualTo(
                        "{\"type\":\"MicropaymentRequested\",\"eventId\":\"e-1\",\"occurredAt\":\"1999-10-04T08:15:30.000Z\","
                                + "\"walletId\":\"w-000001\",\"merchantId\":\"m-0005\",\"amount\":250}\n");
        assertThat(line(new CardPaymentAuthorized("cp-00000001", "m-0001", 4_990L, "EUR")))
                .isEqualTo(
                        "{\"type\":\"CardPaymentAuthorized\",\"eventId\":\"e-1\",\"occurredAt\":\"1999-10-04T08:15:30.000Z\","
                                + "\"paymentId\":\"cp-00000001\",\"merchantId\":\"m-0001\",\"amount\":4990,\"currency\":\"EUR\"}\n");
        assertLineEndsWith(
                new CardPaymentCaptured("cp-00000001", 4_990L), "\"paymentId\":\"cp-00000001\",\"amount\":4990}\n");
        assertLineEndsWith(
                new CardPaymentRefunded("cp-00000001", 1_000L), "\"paymentId\":\"cp-00000001\",\"amount\":1000}\n");
        assertThat(line(new CardPaymentChargedBack("cp-00000001", 4_990L, "83")))
                .isEqualTo(
                        "{\"type\":\"CardPaymentChargedBack\",\"eventId\":\"e-1\",\"occurredAt\":\"1999-10-04T08:15:30.000Z\","
                                + "\"paymentId\":\"cp-00000001\",\"amount\":4990,\"reasonCode\":\"83\"}\n");
        assertThat(line(new MerchantPaidOut("m-0001", "manual-1", LocalDate.of(1999, 10, 4), 12_345L)))
                .isEqualTo(
                        "{\"type\":\"MerchantPaidOut\",\"eventId\":\"e-1\",\"occurredAt\":\"1999-10-04T08:15:30.000Z\","
                                + "\"merchantId\":\"m-0001\",\"payoutId\":\"manual-1\",\"businessDate\":\"1999-10-04\","
                                + "\"amount\":12345}\n");
    }

    @Test
    void absentOptionalFieldsAreLeftOut() {
        assertThat(line(new MerchantOnboarded("m-0002", "Presse Opéra", null, "EUR", PLAN)))
                .doesNotContain("partnerId")
                .contains("\"name\":\"Presse Opéra\"");
        assertThat(line(new MerchantFeePlanChanged("m-0002", PLAN, null))).doesNotContain("effectiveFrom");
    }

    @Test
    void occurredAtAlwaysShowsMilliseconds() {
        EventEnvelope late = new EventEnvelope(
                "e-2", Instant.parse("1999-12-31T22:59:59.999Z"), new WalletToppedUp("w-1", 1L), null, null);
        EventEnvelope epoch = new EventEnvelope("e-3", Instant.EPOCH, new WalletToppedUp("w-1", 1L), null, null);

        assertThat(text(writer.line(late))).contains("\"occurredAt\":\"1999-12-31T22:59:59.999Z\"");
        assertThat(text(writer.line(epoch))).contains("\"occurredAt\":\"1970-01-01T00:00:00.000Z\"");
    }

    @Test
    void anUnknownFieldDefectAddsAFieldTheApiDoesNotKnow() {
        SimulatedEvent bad = new SimulatedEvent(
                new EventEnvelope("e-4", AT, new WalletToppedUp("w-1", 2_000L), null, null),
                ExpectedOutcome.REFUSED,
                Defect.UNKNOWN_FIELD);

        assertThat(text(writer.line(bad))).endsWith(",\"amount\":2000,\"customerIp\":\"192.0.2.1\"}\n");
        assertThatThrownBy(() -> ImportLineParser.parse(writer.line(bad)))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("customerIp");
    }

    @Test
    void writingToAStreamGivesTheSameBytesAsALine() throws IOException {
        SimulatedEvent event = new SimulatedEvent(
                new EventEnvelope("e-5", AT, new CardPaymentCaptured("cp-1", 10L), null, null),
                ExpectedOutcome.ACCEPTED,
                Defect.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int written = writer.write(event, out);

        assertThat(out.toByteArray()).isEqualTo(writer.line(event));
        assertThat(written).isEqualTo(out.size());
    }

    @Test
    void everyGoodLineOfAYearReadsBackToTheSameValidEvent() {
        for (SimulatedEvent event : SimulatedYears.events(SimulatedYears.SMALL)) {
            if (event.refusalExpected()) {
                continue;
            }
            EventEnvelope read = ImportLineParser.parse(writer.line(event));
            EventValidator.requireValidLogEvent(read);
            assertThat(read).isEqualTo(event.envelope());
        }
    }

    @Test
    void everyDeliberatelyBadLineOfAYearIsRefusedNamingItsField() {
        List<SimulatedEvent> bad = SimulatedYears.events(SimulatedYears.MEDIUM).stream()
                .filter(SimulatedEvent::refusalExpected)
                .toList();

        assertThat(bad).isNotEmpty();
        for (SimulatedEvent event : bad) {
            byte[] line = writer.line(event);
            String expectedField = switch (event.defect()) {
                case ZERO_AMOUNT -> event.envelope().getPayload() instanceof WalletOpened ? "maxBalance" : "amount";
                case UNKNOWN_FIELD -> Defect.UNKNOWN_FIELD_NAME;
                case INVALID_EVENT_ID -> "eventId";
                case UNKNOWN_CURRENCY -> "currency";
                case NONE -> throw new IllegalStateException("a bad line has a defect");
            };
            assertThatThrownBy(() -> ImportLineParser.parse(line))
                    .as(text(line))
                    .isInstanceOf(InvalidFieldException.class)
                    .extracting(e -> ((InvalidFieldException) e).field())
                    .isEqualTo(expectedField);
        }
    }

    private String line(Object payload) {
        return text(writer.line(new EventEnvelope("e-1", AT, payload, null, null)));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The line of {@code payload} names its type first and ends with {@code fields}. */
    private void assertLineEndsWith(Object payload, String fields) {
        assertThat(line(payload))
                .startsWith("{\"type\":\"" + payload.getClass().getSimpleName() + "\",")
                .endsWith(fields);
    }
}
