package org.kleline.ledger.model.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kleline.ledger.model.fixtures.Events.T0;
import static org.kleline.ledger.model.fixtures.Events.minutes;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.decision.MerchantTerms;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.model.id.MerchantId;
import org.kleline.ledger.model.id.PartnerId;
import org.kleline.ledger.model.money.CurrencyCode;

/** The fee plan "as of t" rules of docs/domain.md. */
class MerchantStateTest {

    private static final FeeSchedule ONBOARDING = plan(100);
    private static final FeeSchedule SECOND = plan(200);
    private static final FeeSchedule THIRD = plan(300);

    private static FeeSchedule plan(int cardBps) {
        return new FeeSchedule(cardBps, 0, 0, 0, 0, 0);
    }

    /** Merchant m-1 onboarded at T0 on the ONBOARDING plan, then given {@code changes} in this (log) order. */
    private static MerchantState onboardedAtT0(FeePlanVersion... changes) {
        MerchantState merchant = MerchantState.onboarded(
                new MerchantId("m-1"), "Merchant m-1", new PartnerId("pa-1"), CurrencyCode.of("EUR"), T0, ONBOARDING);
        for (FeePlanVersion change : changes) {
            merchant = merchant.withFeePlan(change);
        }
        return merchant;
    }

    @Test
    void onboardingPlanIsInEffectFromTheOnboarding() {
        assertThat(onboardedAtT0().feePlanAt(T0)).isEqualTo(ONBOARDING);
        assertThat(onboardedAtT0().feePlanAt(minutes(600))).isEqualTo(ONBOARDING);
    }

    @Test
    void onboardingPlanAppliesBeforeTheOnboardingToo() {
        MerchantState merchant = onboardedAtT0(new FeePlanVersion(SECOND, T0));
        assertThat(merchant.feePlanAt(T0.minusMillis(1))).isEqualTo(ONBOARDING);
        assertThat(merchant.feePlanAt(Instant.EPOCH)).isEqualTo(ONBOARDING);
    }

    @Test
    void changeTakesEffectFromItsEffectiveFrom() {
        MerchantState merchant = onboardedAtT0(new FeePlanVersion(SECOND, minutes(60)));
        assertThat(merchant.feePlanAt(minutes(60).minusMillis(1))).isEqualTo(ONBOARDING);
        assertThat(merchant.feePlanAt(minutes(60))).isEqualTo(SECOND);
        assertThat(merchant.feePlanAt(minutes(61))).isEqualTo(SECOND);
    }

    @Test
    void onATieOfEffectiveFromTheLaterInTheLogWins() {
        MerchantState merchant =
                onboardedAtT0(new FeePlanVersion(SECOND, minutes(60)), new FeePlanVersion(THIRD, minutes(60)));
        assertThat(merchant.feePlanAt(minutes(60))).isEqualTo(THIRD);
    }

    @Test
    void changeEffectiveAtTheOnboardingInstantReplacesTheOnboardingPlan() {
        MerchantState merchant = onboardedAtT0(new FeePlanVersion(SECOND, T0));
        assertThat(merchant.feePlanAt(T0)).isEqualTo(SECOND);
    }

    @Test
    void greatestEffectiveFromWinsWhateverTheLogOrder() {
        MerchantState merchant =
                onboardedAtT0(new FeePlanVersion(THIRD, minutes(120)), new FeePlanVersion(SECOND, minutes(60)));
        assertThat(merchant.feePlanAt(minutes(90))).isEqualTo(SECOND);
        assertThat(merchant.feePlanAt(minutes(120))).isEqualTo(THIRD);
        assertThat(merchant.feePlanAt(minutes(30))).isEqualTo(ONBOARDING);
    }

    @Test
    void merchantExistsForOtherKeysOnlyFromItsOnboarding() {
        MerchantState merchant = onboardedAtT0();
        assertThat(merchant.existsAt(T0.minusMillis(1))).isFalse();
        assertThat(merchant.existsAt(T0)).isTrue();
        MerchantTerms before = merchant.termsAt(T0.minusMillis(1));
        assertThat(before.onboardedBy(T0.minusMillis(1))).isFalse();
        assertThat(before.feePlan()).isEqualTo(ONBOARDING);
    }

    @Test
    void termsCarryCurrencyPartnerAndThePlanAsOfT() {
        MerchantTerms terms =
                onboardedAtT0(new FeePlanVersion(SECOND, minutes(60))).termsAt(minutes(61));
        assertThat(terms)
                .isEqualTo(new MerchantTerms(
                        new MerchantId("m-1"), CurrencyCode.of("EUR"), new PartnerId("pa-1"), SECOND, T0));
        assertThat(terms.hasPartner()).isTrue();
    }

    @Test
    void stateWithoutItsOnboardingPlanFirstCannotExist() {
        assertThatThrownBy(() -> new MerchantState(
                        new MerchantId("m-1"),
                        "n",
                        null,
                        CurrencyCode.of("EUR"),
                        T0,
                        List.of(new FeePlanVersion(SECOND, minutes(1)))))
                .hasMessageStartingWith("merchant m-1 needs its onboarding plan first");
    }
}
