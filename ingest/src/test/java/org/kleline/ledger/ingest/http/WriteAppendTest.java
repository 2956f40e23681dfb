package org.kleline.ledger.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.ingest.testing.IngestHarness.NOW;
import static org.kleline.ledger.ingest.testing.IngestHarness.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.ingest.testing.IngestHarness;
import org.kleline.ledger.ingest.testing.Problems;

/** A valid write appends exactly its event, keyed by aggregate, stamped now, and answers 202 once acknowledged. */
class WriteAppendTest {

    private static final String PLAN = "{\"cardBps\":150,\"cardFixed\":25,\"microBps\":500,\"microFixed\":1,"
            + "\"chargebackFee\":1500,\"partnerShareBps\":2000}";
    private static final FeePlan AVRO_PLAN = new FeePlan(150, 25L, 500, 1L, 1500L, 2000);

    private IngestHarness ingest;

    @BeforeEach
    void start() {
        ingest = IngestHarness.standard();
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    private KeyedEvent appendedBy(String path, String body, String eventId) {
        HttpResponse<String> response = ingest.post(path, body, "Idempotency-Key", eventId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response.body())).isEqualTo(json("{\"eventId\":\"" + eventId + "\",\"status\":\"PENDING\"}"));
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/events/" + eventId);
        assertThat(ingest.appender.appended()).hasSize(1);
        KeyedEvent event = ingest.appender.appended().get(0);
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.envelope().getOccurredAt()).isEqualTo(NOW);
        return event;
    }

    /** A write and the event it appends: keyed by its aggregate, the payload the body and path give. */
    record Write(String name, String path, String body, String eventId, String key, SpecificRecord payload) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Write write(String name, String path, String body, String eventId, String key, SpecificRecord payload) {
        return new Write(name, path, body, eventId, key, payload);
    }

    static Stream<Write> writes() {
        return Stream.of(
                write(
                        "merchantOnboardingIsKeyedByMerchant",
                        "/v1/merchants",
                        "{\"merchantId\":\"m-7\",\"name\":\"Chez Kleline\","
                                + "\"partnerId\":\"pa-1\",\"currency\":\"EUR\",\"feePlan\":" + PLAN + "}",
                        "e-onboard",
                        "merchant:m-7",
                        new MerchantOnboarded("m-7", "Chez Kleline", "pa-1", "EUR", AVRO_PLAN)),
                write(
                        "merchantWithoutPartnerHasNone",
                        "/v1/merchants",
                        "{\"merchantId\":\"m-8\",\"name\":\"Solo\"," + "\"currency\":\"JPY\",\"feePlan\":" + PLAN + "}",
                        "e-solo",
                        "merchant:m-8",
                        new MerchantOnboarded("m-8", "Solo", null, "JPY", AVRO_PLAN)),
                write(
                        "feePlanChangeTakesThePathsMerchantAndItsEffectiveFrom",
                        "/v1/merchants/m-7/fee-plan",
                        "{\"feePlan\":" + PLAN + ",\"effectiveFrom\":\"2026-12-01T00:00:00Z\"}",
                        "e-plan",
                        "merchant:m-7",
                        new MerchantFeePlanChanged("m-7", AVRO_PLAN, Instant.parse("2026-12-01T00:00:00Z"))),
                write(
                        "handMadePayoutIsKeyedByMerchant",
                        "/v1/merchants/m-7/payouts",
                        "{\"payoutId\":\"bank-42\",\"businessDate\":\"2026-11-26\",\"amount\":9000}",
                        "e-payout",
                        "merchant:m-7",
                        new MerchantPaidOut("m-7", "bank-42", LocalDate.parse("2026-11-26"), 9000L)),
                write(
                        "walletOpensWithMaxBalance15000UnlessGiven",
                        "/v1/wallets",
                        "{\"walletId\":\"w-1\",\"currency\":\"EUR\"}",
                        "e-open",
                        "wallet:w-1",
                        new WalletOpened("w-1", "EUR", 15_000L)),
                write(
                        "walletOpensWithTheMaxBalanceGiven",
                        "/v1/wallets",
                        "{\"walletId\":\"w-2\",\"currency\":\"EUR\",\"maxBalance\":50000}",
                        "e-open-2",
                        "wallet:w-2",
                        new WalletOpened("w-2", "EUR", 50_000L)),
                write(
                        "topUpIsKeyedByTheWalletOfThePath",
                        "/v1/wallets/w-1/top-ups",
                        "{\"amount\":2500}",
                        "e-top",
                        "wallet:w-1",
                        new WalletToppedUp("w-1", 2500L)),
                write(
                        "redemptionIsKeyedByTheWalletOfThePath",
                        "/v1/wallets/w-1/redemptions",
                        "{\"amount\":700}",
                        "e-redeem",
                        "wallet:w-1",
                        new WalletRedeemed("w-1", 700L)),
                write(
                        "micropaymentIsKeyedByThePayingWallet",
                        "/v1/wallets/w-1/micropayments",
                        "{\"merchantId\":\"m-7\",\"amount\":120}",
                        "e-micro",
                        "wallet:w-1",
                        new MicropaymentRequested("w-1", "m-7", 120L)),
                write(
                        "cardAuthorizationIsKeyedByPayment",
                        "/v1/card-payments",
                        "{\"paymentId\":\"p-1\",\"merchantId\":\"m-7\",\"amount\":10000,\"currency\":\"EUR\"}",
                        "e-auth",
                        "payment:p-1",
                        new CardPaymentAuthorized("p-1", "m-7", 10_000L, "EUR")),
                write(
                        "captureRefundAndChargebackAreKeyedByThePaymentOfThePath: capture",
                        "/v1/card-payments/p-1/captures",
                        "{\"amount\":8000}",
                        "e-cap",
                        "payment:p-1",
                        new CardPaymentCaptured("p-1", 8000L)),
                write(
                        "captureRefundAndChargebackAreKeyedByThePaymentOfThePath: refund",
                        "/v1/card-payments/p-1/refunds",
                        "{\"amount\":300}",
                        "e-ref",
                        "payment:p-1",
                        new CardPaymentRefunded("p-1", 300L)),
                write(
                        "captureRefundAndChargebackAreKeyedByThePaymentOfThePath: chargeback",
                        "/v1/card-payments/p-1/chargebacks",
                        "{\"amount\":500,\"reasonCode\":\"4837\"}",
                        "e-cb",
                        "payment:p-1",
                        new CardPaymentChargedBack("p-1", 500L, "4837")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void aWriteAppendsItsEventKeyedByItsAggregate(Write write) {
        KeyedEvent event = appendedBy(write.path(), write.body(), write.eventId());
        assertThat(event.key()).isEqualTo(write.key());
        assertThat(event.envelope().getPayload()).isEqualTo(write.payload());
    }

    @Test
    void effectiveFromMayBeEpochMillisEqualToNow() {
        KeyedEvent event = appendedBy(
                "/v1/merchants/m-7/fee-plan",
                "{\"feePlan\":" + PLAN + ",\"effectiveFrom\":" + NOW.toEpochMilli() + "}",
                "e-plan-now");
        assertThat(((MerchantFeePlanChanged) event.envelope().getPayload()).getEffectiveFrom())
                .isEqualTo(NOW);
    }

    @Test
    void brokerDownIsA503WithRetryAfterAndNothingIsAppended() {
        ingest.appender.down(true);
        HttpResponse<String> response =
                ingest.post("/v1/wallets/w-1/top-ups", "{\"amount\":100}", "Idempotency-Key", "e-down");
        Problems.assertProblem(response, Problems.unavailable("event 'e-down' was not acknowledged by the log"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(ingest.appender.appended()).isEmpty();
    }

    @Test
    void envelopeCarriesTheIdempotencyKeyAsEventId() {
        KeyedEvent event =
                appendedBy("/v1/wallets/w-1/top-ups", "{\"amount\":1}", "3f2b9c1e-0d4a-4c55-9e43-a1f0b6c7d8e9");
        assertThat(event.envelope())
                .isEqualTo(new EventEnvelope(
                        "3f2b9c1e-0d4a-4c55-9e43-a1f0b6c7d8e9", NOW, new WalletToppedUp("w-1", 1L), null, null));
    }
}
