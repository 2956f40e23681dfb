package org.kleline.ledger.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.ingest.testing.IngestHarness.NOW;
import static org.kleline.ledger.ingest.testing.IngestHarness.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    @Test
    void merchantOnboardingIsKeyedByMerchant() {
        KeyedEvent event = appendedBy(
                "/v1/merchants",
                "{\"merchantId\":\"m-7\",\"name\":\"Chez Kleline\","
                        + "\"partnerId\":\"pa-1\",\"currency\":\"EUR\",\"feePlan\":" + PLAN + "}",
                "e-onboard");
        assertThat(event.key()).isEqualTo("merchant:m-7");
        assertThat(event.envelope().getPayload())
                .isEqualTo(new MerchantOnboarded("m-7", "Chez Kleline", "pa-1", "EUR", AVRO_PLAN));
    }

    @Test
    void merchantWithoutPartnerHasNone() {
        KeyedEvent event = appendedBy(
                "/v1/merchants",
                "{\"merchantId\":\"m-8\",\"name\":\"Solo\"," + "\"currency\":\"JPY\",\"feePlan\":" + PLAN + "}",
                "e-solo");
        assertThat(event.envelope().getPayload())
                .isEqualTo(new MerchantOnboarded("m-8", "Solo", null, "JPY", AVRO_PLAN));
    }

    @Test
    void feePlanChangeTakesThePathsMerchantAndItsEffectiveFrom() {
        KeyedEvent event = appendedBy(
                "/v1/merchants/m-7/fee-plan",
                "{\"feePlan\":" + PLAN + ",\"effectiveFrom\":\"2026-12-01T00:00:00Z\"}",
                "e-plan");
        assertThat(event.key()).isEqualTo("merchant:m-7");
        assertThat(event.envelope().getPayload())
                .isEqualTo(new MerchantFeePlanChanged("m-7", AVRO_PLAN, Instant.parse("2026-12-01T00:00:00Z")));
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
    void handMadePayoutIsKeyedByMerchant() {
        KeyedEvent event = appendedBy(
                "/v1/merchants/m-7/payouts",
                "{\"payoutId\":\"bank-42\",\"businessDate\":\"2026-11-26\",\"amount\":9000}",
                "e-payout");
        assertThat(event.key()).isEqualTo("merchant:m-7");
        assertThat(event.envelope().getPayload())
                .isEqualTo(new MerchantPaidOut("m-7", "bank-42", LocalDate.parse("2026-11-26"), 9000L));
    }

    @Test
    void walletOpensWithMaxBalance15000UnlessGiven() {
        KeyedEvent event = appendedBy("/v1/wallets", "{\"walletId\":\"w-1\",\"currency\":\"EUR\"}", "e-open");
        assertThat(event.key()).isEqualTo("wallet:w-1");
        assertThat(event.envelope().getPayload()).isEqualTo(new WalletOpened("w-1", "EUR", 15_000L));
    }

    @Test
    void walletOpensWithTheMaxBalanceGiven() {
        KeyedEvent event = appendedBy(
                "/v1/wallets", "{\"walletId\":\"w-2\",\"currency\":\"EUR\",\"maxBalance\":50000}", "e-open-2");
        assertThat(event.envelope().getPayload()).isEqualTo(new WalletOpened("w-2", "EUR", 50_000L));
    }

    @Test
    void topUpIsKeyedByTheWalletOfThePath() {
        KeyedEvent event = appendedBy("/v1/wallets/w-1/top-ups", "{\"amount\":2500}", "e-top");
        assertThat(event.key()).isEqualTo("wallet:w-1");
        assertThat(event.envelope().getPayload()).isEqualTo(new WalletToppedUp("w-1", 2500L));
    }

    @Test
    void redemptionIsKeyedByTheWalletOfThePath() {
        KeyedEvent event = appendedBy("/v1/wallets/w-1/redemptions", "{\"amount\":700}", "e-redeem");
        assertThat(event.key()).isEqualTo("wallet:w-1");
        assertThat(event.envelope().getPayload()).isEqualTo(new WalletRedeemed("w-1", 700L));
    }

    @Test
    void micropaymentIsKeyedByThePayingWallet() {
        KeyedEvent event =
                appendedBy("/v1/wallets/w-1/micropayments", "{\"merchantId\":\"m-7\",\"amount\":120}", "e-micro");
        assertThat(event.key()).isEqualTo("wallet:w-1");
        assertThat(event.envelope().getPayload()).isEqualTo(new MicropaymentRequested("w-1", "m-7", 120L));
    }

    @Test
    void cardAuthorizationIsKeyedByPayment() {
        KeyedEvent event = appendedBy(
                "/v1/card-payments",
                "{\"paymentId\":\"p-1\",\"merchantId\":\"m-7\",\"amount\":10000,\"currency\":\"EUR\"}",
                "e-auth");
        assertThat(event.key()).isEqualTo("payment:p-1");
        assertThat(event.envelope().getPayload()).isEqualTo(new CardPaymentAuthorized("p-1", "m-7", 10_000L, "EUR"));
    }

    @Test
    void captureRefundAndChargebackAreKeyedByThePaymentOfThePath() {
        assertThat(appendedBy("/v1/card-payments/p-1/captures", "{\"amount\":8000}", "e-cap")
                        .envelope()
                        .getPayload())
                .isEqualTo(new CardPaymentCaptured("p-1", 8000L));
        ingest.close();
        ingest = IngestHarness.standard();
        assertThat(appendedBy("/v1/card-payments/p-1/refunds", "{\"amount\":300}", "e-ref")
                        .envelope()
                        .getPayload())
                .isEqualTo(new CardPaymentRefunded("p-1", 300L));
        ingest.close();
        ingest = IngestHarness.standard();
        KeyedEvent chargeback =
                appendedBy("/v1/card-payments/p-1/chargebacks", "{\"amount\":500,\"reasonCode\":\"4837\"}", "e-cb");
        assertThat(chargeback.key()).isEqualTo("payment:p-1");
        assertThat(chargeback.envelope().getPayload()).isEqualTo(new CardPaymentChargedBack("p-1", 500L, "4837"));
    }

    @Test
    void brokerDownIsA503WithRetryAfterAndNothingIsAppended() {
        ingest.appender.down(true);
        HttpResponse<String> response =
                ingest.post("/v1/wallets/w-1/top-ups", "{\"amount\":100}", "Idempotency-Key", "e-down");
        Problems.assertProblem(
                response,
                Problems.body(
                        "unavailable",
                        "Service unavailable, retry later",
                        503,
                        "event 'e-down' was not acknowledged by the log",
                        null,
                        null));
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
