package org.kleline.ledger.simulator.business;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kleline.ledger.model.fee.FeeSchedule;
import org.kleline.ledger.simulator.calendar.YearCalendar;
import org.kleline.ledger.simulator.config.SimulationConfig;

/**
 * The merchants and resellers of the simulated year, drawn once from the seed: who they are, their
 * fee plans, their weight in the traffic, when they are onboarded (most in the first second of
 * the year, a few during it), and the few plans renegotiated mid-year.
 */
public final class MerchantRoster {

    /** Traffic weight of the merchant ranked r (0 = biggest) is WEIGHT_SCALE / (r + WEIGHT_OFFSET). */
    private static final long WEIGHT_SCALE = 1_000_000_000L;

    private static final long WEIGHT_OFFSET = 5;
    private static final int PARTNER_WEIGHT_SCALE = 1_000_000;
    private static final LocalTime OFFICE_OPENS = LocalTime.of(9, 0);
    private static final long OFFICE_DAY_MS = 9 * Rates.HOUR_MS;
    private static final LocalTime NEGOTIATION_OPENS = LocalTime.of(10, 0);
    private static final long NEGOTIATION_DAY_MS = 7 * Rates.HOUR_MS;

    private final List<MerchantProfile> profiles;
    private final int initialCount;
    private final List<FeePlanChange> feePlanChanges;

    private MerchantRoster(List<MerchantProfile> profiles, int initialCount, List<FeePlanChange> feePlanChanges) {
        this.profiles = List.copyOf(profiles);
        this.initialCount = initialCount;
        this.feePlanChanges = List.copyOf(feePlanChanges);
    }

    public static MerchantRoster draw(SimulationConfig config, YearCalendar calendar, Chance chance) {
        FeePlans plans = new FeePlans(chance);
        MerchantNames names = new MerchantNames(chance);
        int partners = config.partners();
        int[] partnerShareBps = new int[partners];
        int[] partnerWeights = new int[partners];
        for (int p = 0; p < partners; p++) {
            partnerShareBps[p] = plans.partnerShareBps();
            partnerWeights[p] = PARTNER_WEIGHT_SCALE / (p + 2);
        }
        int merchants = config.merchants();
        int joining = Math.min(merchants - 1, (int) ((long) merchants * Rates.MERCHANT_JOINING_LATER_PPM / Rates.PPM));
        int initialCount = merchants - joining;
        long[] onboardAtMs = onboardingTimes(calendar, chance, initialCount, joining);
        int[] ranks = shuffledRange(merchants, chance);
        String merchantIdFormat = "m-%0" + Math.max(4, digits(merchants)) + "d";
        String partnerIdFormat = "p-%0" + Math.max(2, digits(partners)) + "d";

        List<MerchantProfile> profiles = new ArrayList<>(merchants);
        for (int m = 0; m < merchants; m++) {
            MerchantNames.MerchantName name = names.name(m);
            String partnerId = null;
            int shareBps = 0;
            if (partners > 0 && !chance.happens(Rates.MERCHANT_WITHOUT_PARTNER_PPM)) {
                int partner = chance.weighted(partnerWeights);
                partnerId = String.format(partnerIdFormat, partner + 1);
                shareBps = partnerShareBps[partner];
            }
            FeeSchedule plan = plans.plan(shareBps);
            boolean takesWallet = name.contentTrade() || chance.happens(Rates.OTHER_MERCHANT_TAKES_WALLET_PPM);
            long weight = WEIGHT_SCALE / (ranks[m] + WEIGHT_OFFSET);
            profiles.add(new MerchantProfile(
                    m,
                    String.format(merchantIdFormat, m + 1),
                    name.name(),
                    partnerId,
                    plan,
                    weight,
                    takesWallet,
                    onboardAtMs[m]));
        }
        return new MerchantRoster(
                profiles, initialCount, feePlanChanges(calendar, chance, plans, profiles, initialCount));
    }

    public List<MerchantProfile> profiles() {
        return profiles;
    }

    public MerchantProfile profile(int index) {
        return profiles.get(index);
    }

    /** How many merchants are onboarded at the very start of the year (the rest join later). */
    public int initialCount() {
        return initialCount;
    }

    public List<FeePlanChange> feePlanChanges() {
        return feePlanChanges;
    }

    /**
     * The first {@code initialCount} one millisecond apart from the year's first instant (the
     * back office loading its customer file), the others on office hours between February and
     * mid-December, in id order.
     */
    private static long[] onboardingTimes(YearCalendar calendar, Chance chance, int initialCount, int joining) {
        long[] times = new long[initialCount + joining];
        for (int m = 0; m < initialCount; m++) {
            times[m] = calendar.startMs() + m;
        }
        LocalDate first = LocalDate.of(calendar.year(), 2, 1);
        LocalDate last = LocalDate.of(calendar.year(), 12, 15);
        long[] joiningTimes = new long[joining];
        for (int j = 0; j < joining; j++) {
            joiningTimes[j] = officeTime(calendar, chance, first, last, OFFICE_OPENS, OFFICE_DAY_MS);
        }
        Arrays.sort(joiningTimes);
        System.arraycopy(joiningTimes, 0, times, initialCount, joining);
        return times;
    }

    private static List<FeePlanChange> feePlanChanges(
            YearCalendar calendar, Chance chance, FeePlans plans, List<MerchantProfile> profiles, int initialCount) {
        int count = Math.min(initialCount, profiles.size() / Rates.MERCHANTS_PER_FEE_PLAN_CHANGE);
        int[] candidates = shuffledRange(initialCount, chance);
        LocalDate first = LocalDate.of(calendar.year(), 2, 1);
        LocalDate last = LocalDate.of(calendar.year(), 11, 30);
        List<FeePlanChange> changes = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            MerchantProfile merchant = profiles.get(candidates[c]);
            long atMs = officeTime(calendar, chance, first, last, NEGOTIATION_OPENS, NEGOTIATION_DAY_MS);
            LocalDate nextMonth = LocalDate.ofInstant(Instant.ofEpochMilli(atMs), calendar.zone())
                    .withDayOfMonth(1)
                    .plusMonths(1);
            long effectiveFromMs = calendar.epochMs(nextMonth, LocalTime.MIDNIGHT);
            changes.add(
                    new FeePlanChange(merchant.index(), plans.renegotiated(merchant.feePlan()), atMs, effectiveFromMs));
        }
        return changes;
    }

    private static long officeTime(
            YearCalendar calendar, Chance chance, LocalDate first, LocalDate last, LocalTime opens, long openMs) {
        LocalDate date = first.plusDays(chance.random().nextLong(last.toEpochDay() - first.toEpochDay() + 1));
        return calendar.epochMs(date, opens) + chance.random().nextLong(openMs);
    }

    private static int[] shuffledRange(int n, Chance chance) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = chance.random().nextInt(i + 1);
            int swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
        return values;
    }

    private static int digits(int n) {
        return Integer.toString(n).length();
    }
}
