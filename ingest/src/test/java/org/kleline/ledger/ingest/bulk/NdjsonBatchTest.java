package org.kleline.ledger.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.ingest.command.EventKind;
import org.kleline.ledger.web.problem.Problem;
import org.kleline.ledger.web.problem.ProblemException;

/**
 * The lines a bulk body may hold beyond the plain ones: each is read in one pass when it can be, and
 * every refusal is the tree reader's, word for word, on the line it is on.
 */
class NdjsonBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123Z");
    private static final String OPEN =
            "{\"type\":\"WalletOpened\",\"eventId\":\"b-1\",\"walletId\":\"w-1\",\"currency\":\"EUR\"}";
    private static final String TOP_UP = "{\"type\":\"WalletToppedUp\",\"eventId\":\"b-2\",\"walletId\":\"w-1\"";
    private static final String MALFORMED = "urn:kleline:ledger:problem:malformed-json";
    private static final String VALIDATION = "urn:kleline:ledger:problem:validation";
    private static final String NOT_A_TYPE = " is not an event type; one of MerchantOnboarded, MerchantFeePlanChanged,"
            + " WalletOpened, WalletToppedUp, WalletRedeemed, MicropaymentRequested, CardPaymentAuthorized,"
            + " CardPaymentCaptured, CardPaymentRefunded, CardPaymentChargedBack, MerchantPaidOut";

    private static List<KeyedEvent> parse(String secondLine, boolean importEnabled) {
        return NdjsonBatch.parse(
                (OPEN + "\n" + secondLine + "\n").getBytes(StandardCharsets.UTF_8), NOW, importEnabled, 10);
    }

    static Stream<Arguments> refusals() {
        String plan = "{\"cardBps\":1,\"cardFixed\":0,\"microBps\":1,\"microFixed\":0,\"chargebackFee\":0,"
                + "\"partnerShareBps\":0";
        String planChange =
                "{\"type\":\"MerchantFeePlanChanged\",\"eventId\":\"b-2\",\"merchantId\":\"m-1\",\"feePlan\":";
        return Stream.of(
                Arguments.of(
                        TOP_UP + ",\"amount\":1,\"amount\":2}",
                        MALFORMED,
                        "the body is not valid JSON: Duplicate field 'amount'",
                        "amount"),
                Arguments.of(
                        "{\"type\":\"WalletToppedUp\",\"type\":\"WalletOpened\",\"eventId\":\"b-2\",\"amount\":1}",
                        MALFORMED,
                        "the body is not valid JSON: Duplicate field 'type'",
                        "type"),
                Arguments.of(
                        TOP_UP + ",\"amount\":1,\"occurredAt\":1,\"type\":\"WalletToppedUp\"}",
                        MALFORMED,
                        "the body is not valid JSON: Duplicate field 'type'",
                        "type"),
                Arguments.of(
                        TOP_UP + ",\"eventId\":\"b-3\",\"amount\":1}",
                        MALFORMED,
                        "the body is not valid JSON: Duplicate field 'eventId'",
                        "eventId"),
                Arguments.of(
                        "{\"type\":7,\"eventId\":\"b-2\",\"walletId\":\"w-1\",\"amount\":1}",
                        VALIDATION,
                        "type must be a string, was 7",
                        "type"),
                Arguments.of(
                        "{\"type\":null,\"eventId\":\"b-2\",\"walletId\":\"w-1\",\"amount\":1}",
                        VALIDATION,
                        "type 'null'" + NOT_A_TYPE,
                        "type"),
                Arguments.of("{}", VALIDATION, "type 'null'" + NOT_A_TYPE, "type"),
                Arguments.of(
                        "{\"type\":\"WalletToppedUp\",\"eventId\":5,\"walletId\":\"w-1\",\"amount\":1}",
                        VALIDATION,
                        "eventId must be a string, was 5",
                        "eventId"),
                Arguments.of(
                        "{\"type\":\"WalletToppedUp\",\"eventId\":null,\"walletId\":\"w-1\",\"amount\":1}",
                        VALIDATION,
                        "eventId is required",
                        "eventId"),
                // Both at fault: the type is named first, as the tree reader checks it first.
                Arguments.of(
                        "{\"type\":\"walletToppedUp\",\"eventId\":5,\"walletId\":\"w-1\",\"amount\":1}",
                        VALIDATION,
                        "type 'walletToppedUp'" + NOT_A_TYPE,
                        "type"),
                Arguments.of(
                        TOP_UP + ",\"amount\":1} {\"a\":1}",
                        MALFORMED,
                        "the body is not valid JSON: Trailing token (of type START_OBJECT) found after value (bound as"
                                + " `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
                                + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`",
                        null),
                Arguments.of("[1]", VALIDATION, "the body must be a JSON object", null),
                // An identifier is a string: a number or boolean is not taken as its text ("w-1" and 7 are no wallet
                // "7").
                Arguments.of(
                        "{\"type\":\"WalletToppedUp\",\"eventId\":\"b-2\",\"walletId\":7,\"amount\":1}",
                        MALFORMED,
                        "field 'walletId' has an invalid value 7 (expected a string)",
                        "walletId"),
                Arguments.of(
                        "{\"type\":\"WalletToppedUp\",\"eventId\":\"b-2\",\"walletId\":1e20,\"amount\":1}",
                        MALFORMED,
                        "field 'walletId' has an invalid value 1.0E20 (expected a string)",
                        "walletId"),
                Arguments.of(
                        "{\"type\":\"WalletToppedUp\",\"eventId\":\"b-2\",\"walletId\":true,\"amount\":1}",
                        MALFORMED,
                        "field 'walletId' has an invalid value true (expected a string)",
                        "walletId"),
                Arguments.of(
                        "{\"walletId\":-0,\"type\":\"WalletToppedUp\",\"eventId\":\"b-2\",\"amount\":1}",
                        MALFORMED,
                        "field 'walletId' has an invalid value 0 (expected a string)",
                        "walletId"),
                Arguments.of("null", VALIDATION, "the body must be a JSON object", null),
                Arguments.of(
                        TOP_UP + ",\"amount\":1.0}",
                        MALFORMED,
                        "field 'amount' has an invalid value 1.0 (expected an integer)",
                        "amount"),
                Arguments.of(
                        TOP_UP + ",\"amount\":\"400\"}",
                        MALFORMED,
                        "field 'amount' has the wrong JSON type (expected an integer)",
                        "amount"),
                Arguments.of(
                        TOP_UP + ",\"amount\":99999999999999999999}",
                        MALFORMED,
                        "field 'amount' could not be read: Numeric value (99999999999999999999) out of range of long"
                                + " (-9223372036854775808 - 9223372036854775807)",
                        "amount"),
                Arguments.of(
                        TOP_UP + ",\"amount\":{\"a\":{\"b\":1}}}",
                        MALFORMED,
                        "field 'amount' has the wrong JSON type (expected an integer)",
                        "amount"),
                Arguments.of(planChange + plan + ",\"x\":1}}", VALIDATION, "unknown field 'feePlan.x'", "feePlan.x"),
                Arguments.of(
                        planChange + plan + ",\"cardBps\":2}}",
                        MALFORMED,
                        "the body is not valid JSON: Duplicate field 'cardBps'",
                        "feePlan.cardBps"),
                Arguments.of(
                        planChange + "[]}",
                        MALFORMED,
                        "field 'feePlan' has the wrong JSON type (expected FeePlanBody)",
                        "feePlan"),
                Arguments.of(
                        planChange + "{\"cardBps\":1}}",
                        VALIDATION,
                        "feePlan.cardFixed is required",
                        "feePlan.cardFixed"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void oddLinesAreRefusedAsTheTreeReaderRefusesThem(String line, String type, String detail, String field) {
        assertThatThrownBy(() -> parse(line, true))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem())
                                .extracting(Problem::type, Problem::detail, Problem::field, Problem::line)
                                .containsExactly(type, detail, field, 2));
    }

    static Stream<Arguments> importedTimes() {
        String line = TOP_UP + ",\"amount\":1,\"occurredAt\":";
        String refused = "occurredAt must be an ISO-8601 instant or epoch milliseconds, was ";
        return Stream.of(
                Arguments.of(line + "null}", refused + "null"),
                Arguments.of(line + "true}", refused + "true"),
                Arguments.of(line + "{}}", refused + "{}"),
                Arguments.of(line + "1.5}", refused + "1.5"),
                Arguments.of(line + "99999999999999999999}", refused + "99999999999999999999"),
                Arguments.of(line + "\"yesterday\"}", refused + "\"yesterday\""));
    }

    @ParameterizedTest
    @MethodSource("importedTimes")
    void anOccurredAtThatIsNoTimeIsRefused(String line, String detail) {
        assertThatThrownBy(() -> parse(line, true))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem())
                                .extracting(Problem::detail, Problem::field, Problem::line)
                                .containsExactly(detail, "occurredAt", 2));
    }

    @Test
    void theEnvelopeFieldsMayComeAnywhereAndTheLineMayBePadded() {
        KeyedEvent expected = new KeyedEvent(
                "wallet:w-1",
                new EventEnvelope(
                        "b-2", Instant.parse("2020-01-01T00:00:00Z"), new WalletToppedUp("w-1", 1L), null, null));
        assertThat(parse(
                                "{\"walletId\":\"w-1\",\"amount\":1,\"type\":\"WalletToppedUp\","
                                        + "\"occurredAt\":\"2020-01-01T00:00:00Z\",\"eventId\":\"b-2\"}",
                                true)
                        .get(1))
                .isEqualTo(expected);
        assertThat(parse(" \t" + TOP_UP + ",\"occurredAt\":1577836800000,\"amount\":1}\t \r", true)
                        .get(1))
                .isEqualTo(expected);
        assertThat(parse("\uFEFF" + TOP_UP + ",\"occurredAt\":\"2020-01-01T00:00:00+00:00\",\"amount\":1}", true)
                        .get(1))
                .isEqualTo(expected);
    }

    @Test
    void aLineWhoseEnvelopeComesFirstIsBoundStraightAndAnyOtherIsBuffered() {
        NdjsonLine straight = read("{\"type\":\"WalletToppedUp\",\"eventId\":\"b-2\","
                + "\"occurredAt\":\"2020-01-01T00:00:00Z\",\"walletId\":\"w-1\",\"amount\":400}");
        assertThat(straight.type().textValue()).isEqualTo("WalletToppedUp");
        assertThat(straight.eventId().textValue()).isEqualTo("b-2");
        assertThat(straight.occurredAt().textValue()).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(straight.bound()).isNotNull();
        NdjsonLine buffered = read("{\"walletId\":\"w-1\",\"type\":\"WalletToppedUp\",\"amount\":400,"
                + "\"occurredAt\":\"2020-01-01T00:00:00Z\",\"eventId\":\"b-2\"}");
        assertThat(buffered.bound()).isNull();
        assertThat(buffered.fields()).isNotNull();
        assertThat(buffered.payload(EventKind.WALLET_TOPPED_UP))
                .isEqualTo(straight.payload(EventKind.WALLET_TOPPED_UP))
                .isNotNull();
    }

    @Test
    void aLineTheTreeWouldReadOtherwiseIsLeftToIt() {
        for (String line : List.of(
                "[1]",
                TOP_UP + ",\"amount\":1} {}",
                TOP_UP + ",\"amount\":1.0}",
                TOP_UP + ",\"amount\":99999999999999999999}",
                // Bound straight from the line (the envelope first): the tree reads -0 as "0", 1e20 as "1.0E20".
                "{\"type\":\"WalletToppedUp\",\"eventId\":\"b-2\",\"occurredAt\":1,\"walletId\":-0,\"amount\":1}",
                "{\"type\":\"WalletToppedUp\",\"eventId\":\"b-2\",\"occurredAt\":1,\"walletId\":1e20,\"amount\":1}",
                "{\"type\":\"WalletToppedUp\",\"eventId\":\"b-2\",\"occurredAt\":1,\"walletId\":\"w\",\"amount\":1.5}",
                "{\"walletId\":1e20,\"type\":\"WalletToppedUp\",\"eventId\":\"b-2\",\"amount\":1}",
                TOP_UP + ",\"amount\":1,\"occurredAt\":null}",
                "{\"type\":1.5,\"eventId\":\"b-2\"}")) {
            assertThat(leftToTheTree(line)).as(line).isTrue();
        }
    }

    private static NdjsonLine read(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return NdjsonLine.read(bytes, 0, bytes.length, true);
    }

    /** Whether the one pass gives the line up (null, or a refusal) for {@link NdjsonBatch} to read it as a tree. */
    private static boolean leftToTheTree(String line) {
        try {
            return read(line) == null;
        } catch (RuntimeException e) {
            return true;
        }
    }
}
