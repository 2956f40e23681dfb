package org.kleline.ledger.simulator.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.model.event.AggregateKey;
import org.kleline.ledger.model.id.IdSyntax;
import org.kleline.ledger.simulator.config.SimulationConfig;
import org.kleline.ledger.simulator.fixtures.SimulatedYears;

/** The simulated year has the shape of Kleline's 1999. */
class YearShapeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant YEAR_START =
            LocalDate.of(1999, 1, 1).atStartOfDay(PARIS).toInstant();
    private static final Instant YEAR_END =
            LocalDate.of(2000, 1, 1).atStartOfDay(PARIS).toInstant();
    private static final Instant WALLET_LAUNCH =
            LocalDate.of(1999, 10, 1).atStartOfDay(PARIS).toInstant();

    private final List<SimulatedEvent> small = SimulatedYears.events(SimulatedYears.SMALL);
    private final List<SimulatedEvent> medium = SimulatedYears.events(SimulatedYears.MEDIUM);

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 17, 3_000})
    void transactionsAreExactlyAsConfigured(long transactions) {
        EventGenerator generator = EventGenerator.start(SimulatedYears.SMALL.withTransactions(transactions));
        long counted = 0;
        while (generator.hasNext()) {
            counted += generator.next().isTransaction() ? 1 : 0;
        }

        assertThat(counted).isEqualTo(transactions);
        assertThat(generator.transactionsEmitted()).isEqualTo(transactions);
    }

    @Test
    void theMediumYearHasExactlyItsTransactions() {
        assertThat(medium.stream().filter(SimulatedEvent::isTransaction).count())
                .isEqualTo(60_000);
    }

    @Test
    void theGeneratorHoldsPendingFollowUpsNotTheYear() {
        EventGenerator generator = EventGenerator.start(SimulatedYears.MEDIUM);
        long lines = 0;
        while (generator.hasNext()) {
            generator.next();
            lines++;
        }

        assertThat(lines).isEqualTo(medium.size());
        assertThat(generator.pendingMax()).isPositive().isLessThan((int) (lines / 50));
    }

    @Test
    void linesAreInOccurredAtOrderWithinTheYear() {
        for (List<SimulatedEvent> year : List.of(small, medium)) {
            long previous = Long.MIN_VALUE;
            for (SimulatedEvent event : year) {
                assertThat(event.occurredAtMs()).isGreaterThanOrEqualTo(previous);
                previous = event.occurredAtMs();
            }
            assertThat(year.get(0).envelope().getOccurredAt()).isEqualTo(YEAR_START);
            assertThat(year.get(year.size() - 1).envelope().getOccurredAt()).isBefore(YEAR_END);
        }
    }

    @Test
    void noWalletEventBeforeOctober() {
        for (SimulatedEvent event : medium) {
            Object payload = event.envelope().getPayload();
            if (payload instanceof WalletOpened
                    || payload instanceof WalletToppedUp
                    || payload instanceof WalletRedeemed
                    || payload instanceof MicropaymentRequested) {
                assertThat(event.envelope().getOccurredAt()).isAfterOrEqualTo(WALLET_LAUNCH);
            }
        }
        assertThat(count(medium, e -> e.envelope().getPayload() instanceof MicropaymentRequested))
                .isPositive();
    }

    @Test
    void merchantsAreReferencedOnlyAfterTheirOnboarding() {
        for (List<SimulatedEvent> year : List.of(small, medium)) {
            Map<String, Instant> onboarded = new HashMap<>();
            for (SimulatedEvent event : year) {
                Object payload = event.envelope().getPayload();
                Instant at = event.envelope().getOccurredAt();
                if (payload instanceof MerchantOnboarded p) {
                    assertThat(onboarded.put(p.getMerchantId(), at)).isNull();
                    continue;
                }
                String merchantId = payload instanceof CardPaymentAuthorized p
                        ? p.getMerchantId()
                        : payload instanceof MicropaymentRequested p
                                ? p.getMerchantId()
                                : payload instanceof MerchantFeePlanChanged p ? p.getMerchantId() : null;
                if (merchantId != null) {
                    assertThat(onboarded).containsKey(merchantId);
                    assertThat(onboarded.get(merchantId)).isBeforeOrEqualTo(at);
                }
            }
        }
    }

    @Test
    void everyIdMatchesThePatternOnGoodLines() {
        for (SimulatedEvent event : medium) {
            if (event.refusalExpected()) {
                continue;
            }
            EventEnvelope envelope = event.envelope();
            assertThat(IdSyntax.isValid(envelope.getEventId()))
                    .as(envelope.getEventId())
                    .isTrue();
            assertThat(IdSyntax.isValid(AggregateKey.of(envelope).id())).isTrue();
        }
    }

    @Test
    void eventIdsAreUniqueExceptRetriesWhichRepeatAnEarlierOneOfTheSameKey() {
        Map<String, AggregateKey> firstKey = new HashMap<>();
        for (SimulatedEvent event : medium) {
            String eventId = event.envelope().getEventId();
            AggregateKey key = AggregateKey.of(event.envelope());
            if (event.expected() == ExpectedOutcome.DUPLICATE) {
                assertThat(firstKey.get(eventId)).as(eventId).isEqualTo(key);
            } else {
                assertThat(firstKey.put(eventId, key)).as(eventId).isNull();
            }
        }
    }

    @Test
    void fiveHundredMerchantsMostlyFromTheFirstSecondSomeWithoutPartner() {
        List<MerchantOnboarded> onboardings = payloads(small, MerchantOnboarded.class);
        long atStart = small.stream()
                .filter(e -> e.envelope().getPayload() instanceof MerchantOnboarded)
                .filter(e -> e.envelope().getOccurredAt().isBefore(YEAR_START.plusSeconds(1)))
                .count();
        long withoutPartner =
                onboardings.stream().filter(m -> m.getPartnerId() == null).count();
        Set<String> partners = new TreeSet<>();
        onboardings.forEach(m -> {
            if (m.getPartnerId() != null) {
                partners.add(m.getPartnerId());
            }
        });

        assertThat(onboardings).hasSize(500);
        assertThat(atStart).isEqualTo(480);
        assertThat(withoutPartner).isBetween(40L, 110L);
        assertThat(partners).hasSizeBetween(25, 34).allMatch(p -> p.matches("p-(0[1-9]|[12][0-9]|3[0-4])"));
        assertThat(onboardings).allMatch(m -> m.getCurrency().equals("EUR"));
    }

    @Test
    void feePlansStayWithinRealisticRanges() {
        for (MerchantOnboarded merchant : payloads(small, MerchantOnboarded.class)) {
            FeePlan plan = merchant.getFeePlan();
            assertThat(plan.getCardBps()).isBetween(150, 300);
            assertThat(plan.getCardFixed()).isBetween(0L, 30L);
            assertThat(plan.getMicroBps()).isBetween(500, 1_500);
            assertThat(plan.getMicroFixed()).isBetween(0L, 2L);
            assertThat(plan.getChargebackFee()).isBetween(1_000L, 2_000L);
            if (merchant.getPartnerId() == null) {
                assertThat(plan.getPartnerShareBps()).isZero();
            } else {
                assertThat(plan.getPartnerShareBps()).isBetween(1_000, 4_000);
            }
        }
    }

    @Test
    void aFewPlansChangeFromTheFirstOfALaterMonth() {
        List<SimulatedEvent> changes = small.stream()
                .filter(e -> e.envelope().getPayload() instanceof MerchantFeePlanChanged)
                .toList();

        assertThat(changes).hasSize(10);
        for (SimulatedEvent change : changes) {
            MerchantFeePlanChanged payload =
                    (MerchantFeePlanChanged) change.envelope().getPayload();
            ZonedDateTime effective = payload.getEffectiveFrom().atZone(PARIS);
            assertThat(payload.getEffectiveFrom()).isAfter(change.envelope().getOccurredAt());
            assertThat(effective.getDayOfMonth()).isEqualTo(1);
            assertThat(effective.toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
            assertThat(payload.getFeePlan().getCardBps()).isBetween(150, 300);
            assertThat(payload.getFeePlan().getChargebackFee()).isBetween(1_000L, 2_000L);
        }
    }

    @Test
    void decemberCarriesAtLeastThreeAndAHalfTimesJanuarysTransactions() {
        for (List<SimulatedEvent> year : List.of(small, medium)) {
            long[] byMonth = transactionsByMonth(year);
            assertThat((double) byMonth[11] / byMonth[0]).isGreaterThanOrEqualTo(3.5);
        }
    }

    @Test
    void sundaysAndNightsAreQuiet() {
        long[] byWeekday = new long[7];
        long smallHours = 0;
        long transactions = 0;
        for (SimulatedEvent event : medium) {
            if (event.isTransaction()) {
                ZonedDateTime at = event.envelope().getOccurredAt().atZone(PARIS);
                byWeekday[at.getDayOfWeek().getValue() - 1]++;
                smallHours += at.getHour() >= 2 && at.getHour() < 6 ? 1 : 0;
                transactions++;
            }
        }
        long sunday = byWeekday[DayOfWeek.SUNDAY.getValue() - 1];
        for (int weekday = 0; weekday < 6; weekday++) {
            assertThat(byWeekday[weekday]).isGreaterThan(sunday);
        }
        // A sixth of the clock, but captures follow a purchase within hours or come in office hours (3.3% in 1999).
        assertThat((double) smallHours / transactions).isLessThan(0.05);
    }

    @Test
    void cardPaymentsAreCapturedOnceSomePartiallyAFewNever() {
        Map<String, Long> authorized = new HashMap<>();
        Map<String, Long> captured = new HashMap<>();
        for (SimulatedEvent event : goodFirstLines(medium)) {
            Object payload = event.envelope().getPayload();
            if (payload instanceof CardPaymentAuthorized p) {
                authorized.put(p.getPaymentId(), p.getAmount());
            } else if (payload instanceof CardPaymentCaptured p) {
                assertThat(captured.put(p.getPaymentId(), p.getAmount())).isNull();
                assertThat(p.getAmount()).isBetween(1L, authorized.get(p.getPaymentId()));
            }
        }
        long partial = captured.entrySet().stream()
                .filter(c -> c.getValue() < authorized.get(c.getKey()))
                .count();
        long never = authorized.keySet().stream()
                .filter(id -> !captured.containsKey(id))
                .count();

        assertThat((double) partial / captured.size()).isBetween(0.04, 0.06);
        assertThat((double) never / authorized.size()).isBetween(0.01, 0.02);
    }

    @Test
    void aboutThreePercentRefundedAndHalfAPercentChargedBackOfCapturesBeforeTheYearsEnd() {
        Instant lastFullFollowUp = LocalDate.of(1999, 10, 1).atStartOfDay(PARIS).toInstant();
        Map<String, Long> capturedEarly = new HashMap<>();
        Set<String> refunded = new HashSet<>();
        Set<String> chargedBack = new HashSet<>();
        for (SimulatedEvent event : goodFirstLines(medium)) {
            Object payload = event.envelope().getPayload();
            if (payload instanceof CardPaymentCaptured p
                    && event.envelope().getOccurredAt().isBefore(lastFullFollowUp)) {
                capturedEarly.put(p.getPaymentId(), p.getAmount());
            } else if (payload instanceof CardPaymentRefunded p) {
                assertThat(refunded.add(p.getPaymentId())).isTrue();
            } else if (payload instanceof CardPaymentChargedBack p) {
                assertThat(chargedBack.add(p.getPaymentId())).isTrue();
                assertThat(p.getReasonCode()).isIn("83", "30", "53", "41", "75");
            }
        }
        long refundedEarly =
                capturedEarly.keySet().stream().filter(refunded::contains).count();
        long chargedBackEarly =
                capturedEarly.keySet().stream().filter(chargedBack::contains).count();

        assertThat(refunded).doesNotContainAnyElementsOf(chargedBack);
        assertThat((double) refundedEarly / capturedEarly.size()).isBetween(0.025, 0.035);
        assertThat((double) chargedBackEarly / capturedEarly.size()).isBetween(0.003, 0.007);
    }

    @Test
    void micropaymentsAreTenCentsToFiveEurosAndTopUpsRespectTheWalletLimit() {
        Map<String, Long> maxBalance = new HashMap<>();
        for (SimulatedEvent event : goodFirstLines(medium)) {
            Object payload = event.envelope().getPayload();
            if (payload instanceof MicropaymentRequested p) {
                assertThat(p.getAmount()).isBetween(10L, 500L);
            } else if (payload instanceof WalletOpened p) {
                maxBalance.put(p.getWalletId(), p.getMaxBalance());
                assertThat(p.getMaxBalance()).isIn(15_000L, 30_000L);
            } else if (payload instanceof WalletToppedUp p) {
                assertThat(p.getAmount()).isBetween(1L, maxBalance.get(p.getWalletId()));
            }
        }
        assertThat(payloads(medium, WalletRedeemed.class)).isNotEmpty();
    }

    @Test
    void retriesAndBadLinesAreASmallShare() {
        long lines = medium.size();
        long retries = count(medium, e -> e.expected() == ExpectedOutcome.DUPLICATE);
        long bad = count(medium, SimulatedEvent::refusalExpected);
        long rejected = count(medium, e -> e.expected() == ExpectedOutcome.REJECTED);

        assertThat((double) retries / lines).isBetween(0.003, 0.007);
        assertThat((double) bad / lines).isBetween(0.0002, 0.001);
        assertThat(rejected).isPositive();
        assertThat(medium.stream()
                        .filter(SimulatedEvent::refusalExpected)
                        .map(SimulatedEvent::defect)
                        .distinct())
                .containsExactlyInAnyOrder(
                        Defect.ZERO_AMOUNT, Defect.UNKNOWN_FIELD, Defect.INVALID_EVENT_ID, Defect.UNKNOWN_CURRENCY);
    }

    @Test
    void aYearWithOneMerchantAndNoPartnerStillHoldsItsTransactions() {
        SimulationConfig tiny =
                SimulatedYears.SMALL.withMerchants(1).withPartners(0).withTransactions(200);
        List<SimulatedEvent> year = EventGenerator.stream(tiny).toList();

        assertThat(count(year, SimulatedEvent::isTransaction)).isEqualTo(200);
        assertThat(payloads(year, MerchantOnboarded.class))
                .singleElement()
                .satisfies(m -> assertThat(m.getPartnerId()).isNull());
    }

    private static long[] transactionsByMonth(List<SimulatedEvent> year) {
        long[] byMonth = new long[12];
        for (SimulatedEvent event : year) {
            if (event.isTransaction()) {
                byMonth[event.envelope().getOccurredAt().atZone(PARIS).getMonthValue() - 1]++;
            }
        }
        return byMonth;
    }

    /** Lines that reach the log for the first time: neither bad nor retried. */
    private static List<SimulatedEvent> goodFirstLines(List<SimulatedEvent> year) {
        return year.stream()
                .filter(e -> e.expected() == ExpectedOutcome.ACCEPTED || e.expected() == ExpectedOutcome.REJECTED)
                .toList();
    }

    private static <T> List<T> payloads(List<SimulatedEvent> year, Class<T> type) {
        return goodFirstLines(year).stream()
                .map(e -> e.envelope().getPayload())
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static long count(List<SimulatedEvent> year, Predicate<SimulatedEvent> predicate) {
        return year.stream().filter(predicate).count();
    }
}
