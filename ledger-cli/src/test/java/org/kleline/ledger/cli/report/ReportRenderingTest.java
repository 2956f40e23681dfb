package org.kleline.ledger.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.cli.period.DateRange;

class ReportRenderingTest {

    private static final Map<String, Optional<String>> PARTNERS =
            Map.of("m-1", Optional.of("p-1"), "m-2", Optional.of("p-1"), "m-3", Optional.empty());

    /** Two dates of m-1 (one with a refund larger than its day), one each of m-2 and m-3. */
    private static PeriodReport june() {
        List<PeriodReport.Row> rows = List.of(
                new PeriodReport.Row("m-1", "EUR", new Figures(2, 12_000, 0, 0, 300, 90, 11_700, 11_700)),
                new PeriodReport.Row("m-1", "EUR", new Figures(0, 0, 5_000, 0, 0, 0, -5_000, 0)),
                new PeriodReport.Row(
                        "m-2", "EUR", new Figures(1, 15_000_000, 0, 20_000, 1_500, 450, 14_978_500, 14_978_500)),
                new PeriodReport.Row("m-3", "EUR", new Figures(3, 999, 0, 0, 51, 0, 948, 948)));
        return PeriodReport.of(DateRange.of(YearMonth.of(1999, 6)), rows, PARTNERS::get);
    }

    @Test
    void aPartnersFiguresAreTheSumOfItsMerchantsAndTheTotalOfEveryMerchant() {
        PeriodReport report = june();
        assertThat(report.merchants()).extracting(PeriodReport.Line::id).containsExactly("m-1", "m-2", "m-3");
        assertThat(report.merchants().get(0).figures())
                .isEqualTo(new Figures(2, 12_000, 5_000, 0, 300, 90, 6_700, 11_700));
        assertThat(report.partners()).hasSize(1);
        assertThat(report.partners().get(0).id()).isEqualTo("p-1");
        assertThat(report.partners().get(0).merchants()).isEqualTo(2);
        assertThat(report.partners().get(0).figures())
                .isEqualTo(new Figures(3, 15_012_000, 5_000, 20_000, 1_800, 540, 14_985_200, 14_990_200));
        assertThat(report.totals().get(0).figures())
                .isEqualTo(new Figures(6, 15_012_999, 5_000, 20_000, 1_851, 540, 14_986_148, 14_991_148));
    }

    @Test
    void csvHoldsPlainIntegersOfMinorUnits() {
        assertThat(ReportRendering.csv(june())).isEqualTo("""
                kind,id,partnerId,currency,merchants,count,gross,refunds,chargebacks,fees,commission,net,paidOut
                merchant,m-1,p-1,EUR,1,2,12000,5000,0,300,90,6700,11700
                merchant,m-2,p-1,EUR,1,1,15000000,0,20000,1500,450,14978500,14978500
                merchant,m-3,,EUR,1,3,999,0,0,51,0,948,948
                partner,p-1,,EUR,2,3,15012000,5000,20000,1800,540,14985200,14990200
                total,TOTAL,,EUR,3,6,15012999,5000,20000,1851,540,14986148,14991148
                """);
    }

    @Test
    void theTableShowsMajorUnitsWithTheCurrencysDecimalsRightAligned() {
        assertThat(ReportRendering.table(june())).isEqualTo("""
                Merchants
                merchant  partner  currency  count       gross  refunds  chargebacks   fees  commission         net    paid out
                m-1       p-1      EUR           2      120.00    50.00         0.00   3.00        0.90       67.00      117.00
                m-2       p-1      EUR           1  150,000.00     0.00       200.00  15.00        4.50  149,785.00  149,785.00
                m-3       -        EUR           3        9.99     0.00         0.00   0.51        0.00        9.48        9.48

                Partners (the sums of their merchants)
                partner  merchants  currency  count       gross  refunds  chargebacks   fees  commission         net    paid out
                p-1      2          EUR           3  150,120.00    50.00       200.00  18.00        5.40  149,852.00  149,902.00

                Total
                       merchants  currency  count       gross  refunds  chargebacks   fees  commission         net    paid out
                TOTAL  3          EUR           6  150,129.99    50.00       200.00  18.51        5.40  149,861.48  149,911.48
                """);
    }
}
