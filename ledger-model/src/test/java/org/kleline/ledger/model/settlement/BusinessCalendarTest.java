package org.kleline.ledger.model.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private final BusinessCalendar paris = BusinessCalendar.defaultCalendar();

    @Test
    void defaultZoneIsParis() {
        assertThat(paris.zone()).hasToString("Europe/Paris");
    }

    @Test
    void lateEveningUtcIsTheNextDayInParis() {
        assertThat(paris.businessDate(Instant.parse("2026-11-26T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(paris.businessDate(Instant.parse("2026-07-01T22:30:00Z"))).isEqualTo(LocalDate.of(2026, 7, 2));
        assertThat(paris.businessDate(Instant.parse("2026-07-01T21:59:59.999Z")))
                .isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void zoneIsConfigurable() {
        BusinessCalendar utc = new BusinessCalendar(ZoneOffset.UTC);
        assertThat(utc.businessDate(Instant.parse("2026-07-01T22:30:00Z"))).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void dayBoundsAreExactAcrossTheSpringDaylightSavingChange() {
        // 2026-03-29 is 23 hours long in Paris: it starts at 23:00Z the day before and ends at 22:00Z.
        assertThat(paris.businessDate(Instant.parse("2026-03-28T22:59:59.999Z")))
                .isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(paris.businessDate(Instant.parse("2026-03-28T23:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(paris.businessDate(Instant.parse("2026-03-29T21:59:59.999Z")))
                .isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(paris.businessDate(Instant.parse("2026-03-29T22:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 30));
    }

    @Test
    void datesInAnyOrderAreEachRightDespiteTheRememberedDay() {
        BusinessCalendar calendar = new BusinessCalendar(BusinessCalendar.DEFAULT_ZONE);
        Instant[] times = {
            Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-25T10:00:00Z"),
            Instant.parse("2026-11-27T22:59:59.999Z"), Instant.parse("2026-11-27T23:00:00Z"),
            Instant.parse("2026-11-26T23:00:00Z"), Instant.parse("2026-11-26T22:59:59.999Z")
        };
        for (Instant time : times) {
            assertThat(calendar.businessDate(time)).isEqualTo(LocalDate.ofInstant(time, BusinessCalendar.DEFAULT_ZONE));
        }
    }
}
