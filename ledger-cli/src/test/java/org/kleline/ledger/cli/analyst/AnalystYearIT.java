package org.kleline.ledger.cli.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.CommandRun;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.money.MinorUnits;
import org.kleline.ledger.cli.progress.ProgressLine;
import org.kleline.ledger.cli.run.LedgerRun;
import org.kleline.ledger.cli.run.LedgerRunPerClass;
import org.kleline.ledger.cli.simulate.SimulatedYear;
import org.kleline.ledger.simulator.config.SimulationConfig;

/**
 * What an analyst does with a small simulated 1999 (3,000 transactions, the first half settled) on one
 * {@code ledger run}: the settlement summary against the rows of every date, the dashboard in a headless
 * Chromium ({@link DashboardBrowser}; skipped where none is installed), and {@code ledger sql}: the five
 * questions of docs/analysts.md, CSV, a Parquet export read back, and a query DuckDB refuses.
 */
@ExtendWith(LedgerRunPerClass.class)
class AnalystYearIT {

    private static final int TRANSACTIONS = 3_000;
    private static final LocalDate FIRST = LocalDate.of(1999, 1, 1);
    private static final LocalDate LAST = LocalDate.of(1999, 12, 31);
    private static final Duration DECIDED = Duration.ofMinutes(3);

    @TempDir
    static Path work;

    private static LedgerRun ledger;
    private static LedgerApi admin;
    private static String analystKey;

    @BeforeAll
    static void aSimulatedYearHalfSettled(LedgerRun run) throws Exception {
        ledger = run;
        admin = new LedgerApi(ledger.httpUrl(), Optional.of(ledger.adminKey().secret()));
        SimulatedYear.append(
                SimulationConfig.defaults().withTransactions(TRANSACTIONS),
                admin,
                ProgressLine.onStderr(new PrintWriter(new StringWriter())));
        await().atMost(DECIDED)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> sumOfEveryDate("count") == TRANSACTIONS);
        CommandRun settled = ledger("settle", "--from", "1999-01-01", "--to", "1999-06-30");
        assertThat(settled.exitCode()).as(settled.err()).isZero();
        // The payouts are appended; the rows show them once the projector has decided them: the catch-up
        // barrier answers 200 when every event appended before the request is decided and its rows complete.
        await().atMost(DECIDED)
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        admin.get("/v1/settlements/" + LAST + "?caughtUp=true").status() == 200);
        LedgerApi.Answer key = admin.post(
                "/v1/api-keys",
                "{\"role\":\"analyst\",\"label\":\"dashboard\"}",
                Map.of("Content-Type", "application/json"));
        analystKey = key.expect(201).json().get("secret").asText();
    }

    @Test
    void theSummaryOfTheYearIsTheSumOfTheRowsOfEveryDateWhicheverTheKey() {
        JsonNode summary = summary(analystKey);
        JsonNode eur = summary.get("totals").get(0);
        assertThat(summary.get("totals").size()).isEqualTo(1);
        assertThat(eur.get("currency").asText()).isEqualTo("EUR");
        assertThat(eur.get("decimals").asInt()).isEqualTo(2);
        Map<String, Long> sums = sumsOfEveryDate();
        for (String figure :
                List.of("count", "gross", "refunds", "chargebacks", "fees", "commission", "net", "paidOut")) {
            assertThat(eur.get("figures").get(figure).asLong()).as(figure).isEqualTo(sums.get(figure));
        }
        assertThat(eur.get("figures").get("rows").asLong()).isEqualTo(sums.get("rows"));
        assertThat(eur.get("figures").get("count").asLong()).isEqualTo(TRANSACTIONS);
        // The second half is not settled: its rows with a positive net are OPEN.
        assertThat(summary.get("openRows").asLong()).isEqualTo(sums.get("open"));
        assertThat(summary.get("open").get(0).get("status").asText()).isEqualTo("OPEN");
        long partnersGross = 0;
        for (JsonNode p : summary.get("partners")) {
            partnersGross += p.get("figures").get("gross").asLong();
        }
        assertThat(partnersGross).isEqualTo(sums.get("gross"));

        // A merchant key: its own merchant's rows, nothing else.
        String merchantId = summary.get("merchants").get(0).get("merchantId").asText();
        String merchantKey = admin.post(
                        "/v1/api-keys",
                        "{\"role\":\"merchant\",\"merchantId\":\"" + merchantId + "\"}",
                        Map.of("Content-Type", "application/json"))
                .expect(201)
                .json()
                .get("secret")
                .asText();
        JsonNode own = summary(merchantKey);
        assertThat(own.get("merchants").size()).isEqualTo(1);
        assertThat(own.get("merchants").get(0).get("merchantId").asText()).isEqualTo(merchantId);
        assertThat(own.get("totals").get(0).get("figures"))
                .isEqualTo(summary.get("merchants").get(0).get("figures"));
    }

    @Test
    void theDashboardShowsTheFiguresOfTheApiAndAClickOpensAMerchantsRowsAndPayments() throws Exception {
        JsonNode summary = summary(analystKey);
        try (DashboardBrowser browser = DashboardBrowser.startOrSkip()) {
            browser.open(ledger.httpUrl() + "/dashboard#key=" + analystKey + "&from=" + FIRST + "&to=" + LAST);
            browser.awaitReady();

            Map<String, String> totals = browser.firstRow("totals");
            JsonNode eur = summary.get("totals").get(0).get("figures");
            assertThat(totals.get("currency")).isEqualTo("EUR");
            assertThat(totals.get("count"))
                    .isEqualTo(String.format("%,d", eur.get("count").asLong()));
            for (String figure : List.of("gross", "refunds", "chargebacks", "fees", "commission", "net", "paidOut")) {
                assertThat(totals.get(figure))
                        .as(figure)
                        .isEqualTo(MinorUnits.grouped(eur.get(figure).asLong(), 2));
            }
            assertThat(browser.rowCount("merchants"))
                    .isEqualTo(summary.get("merchants").size());
            assertThat(browser.rowCount("partners"))
                    .isEqualTo(summary.get("partners").size());
            assertThat(browser.rowCount("open"))
                    .isEqualTo(Math.min(1_000, summary.get("openRows").asInt()));
            assertThat(browser.chartDrawn()).isTrue();

            // Ranked by gross, the first merchant is the API's biggest.
            browser.sortBy("merchants", "gross");
            Path screenshot = Path.of("target", "dashboard.png");
            browser.screenshot(screenshot);
            assertThat(Files.size(screenshot)).isGreaterThan(10_000);
            JsonNode biggest = null;
            for (JsonNode m : summary.get("merchants")) {
                if (biggest == null
                        || m.get("figures").get("gross").asLong()
                                > biggest.get("figures").get("gross").asLong()) {
                    biggest = m;
                }
            }
            Map<String, String> top = browser.firstRow("merchants");
            assertThat(top.get("merchantId"))
                    .isEqualTo(biggest.get("merchantId").asText());
            assertThat(top.get("gross"))
                    .isEqualTo(MinorUnits.grouped(
                            biggest.get("figures").get("gross").asLong(), 2));

            String merchantId = top.get("merchantId");
            browser.openMerchant(merchantId);
            JsonNode rows = admin.get("/v1/merchants/" + merchantId + "/settlements?from=" + FIRST + "&to=" + LAST)
                    .expect(200)
                    .json();
            List<Map<String, String>> shown = browser.rows("merchant-rows");
            assertThat(shown).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertThat(shown.get(i).get("date"))
                        .isEqualTo(rows.get(i).get("date").asText());
                assertThat(shown.get(i).get("net"))
                        .isEqualTo(MinorUnits.grouped(rows.get(i).get("net").asLong(), 2));
                assertThat(shown.get(i).get("status"))
                        .isEqualTo(rows.get(i).get("status").asText());
            }
            List<Map<String, String>> entries = browser.rows("merchant-entries");
            assertThat(entries).isNotEmpty();
            assertThat(entries).anySatisfy(e -> assertThat(e.get("type")).isEqualTo("CardPaymentCaptured"));

            browser.screenshot(Path.of("target", "dashboard-merchant.png"));
        }
    }

    @Test
    void theFiveQuestionsOfTheDocsAnswerInSql() {
        CommandRun partners = ledger(
                "sql",
                "--year",
                "1999",
                "--format",
                "csv",
                "SELECT m.partnerId, count(DISTINCT r.merchantId) AS merchants, sum(r.commission) AS commission "
                        + "FROM settlement_rows r JOIN merchants m USING (merchantId) "
                        + "GROUP BY m.partnerId ORDER BY commission DESC, m.partnerId LIMIT 5");
        assertThat(partners.exitCode()).as(partners.err()).isZero();
        List<String> lines = partners.out().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("partnerId,merchants,commission");
        // The biggest partner by commission is the summary's.
        JsonNode biggest = null;
        for (JsonNode p : summary(analystKey).get("partners")) {
            if (p.has("partnerId")
                    && (biggest == null
                            || p.get("figures").get("commission").asLong()
                                    > biggest.get("figures").get("commission").asLong())) {
                biggest = p;
            }
        }
        assertThat(lines.get(1))
                .isEqualTo(biggest.get("partnerId").asText() + ","
                        + biggest.get("merchants").asInt() + ","
                        + biggest.get("figures").get("commission").asLong());

        CommandRun chargebacks =
                sql("SELECT merchantId, sum(gross) AS gross, sum(chargebacks) AS chargebacks FROM settlement_rows "
                        + "GROUP BY merchantId HAVING sum(chargebacks) * 100 > sum(gross) ORDER BY chargebacks DESC");
        assertThat(chargebacks.exitCode()).as(chargebacks.err()).isZero();
        for (String line : chargebacks.out().lines().skip(1).toList()) {
            String[] cells = line.split(",");
            assertThat(Long.parseLong(cells[2]) * 100).isGreaterThan(Long.parseLong(cells[1]));
        }

        CommandRun months =
                sql("SELECT strftime(date, '%Y-%m') AS month, sum(count) AS transactions, sum(gross) AS gross, "
                        + "sum(net) AS net FROM settlement_rows GROUP BY month ORDER BY month");
        assertThat(months.exitCode()).as(months.err()).isZero();
        List<String> monthLines = months.out().lines().skip(1).toList();
        assertThat(monthLines).hasSize(12);
        assertThat(monthLines.stream()
                        .mapToLong(l -> Long.parseLong(l.split(",")[1]))
                        .sum())
                .isEqualTo(TRANSACTIONS);

        CommandRun due = sql("SELECT merchantId, count(*) AS openRows, sum(net - paidOut) AS due FROM settlement_rows "
                + "WHERE status = 'OPEN' AND net > paidOut GROUP BY merchantId ORDER BY due DESC, merchantId LIMIT 10");
        assertThat(due.exitCode()).as(due.err()).isZero();
        assertThat(due.out().lines().skip(1).toList())
                .isNotEmpty()
                .allSatisfy(l -> assertThat(Long.parseLong(l.split(",")[2])).isPositive());

        CommandRun busiest = sql("SELECT date, sum(count) AS transactions, sum(gross) AS gross FROM settlement_rows "
                + "GROUP BY date ORDER BY gross DESC, date LIMIT 5");
        assertThat(busiest.exitCode()).as(busiest.err()).isZero();
        assertThat(busiest.out().lines().skip(1).toList()).hasSize(5);

        CommandRun table = ledger(
                "sql", "--year", "1999", "SELECT count(*) AS rows, sum(count) AS transactions FROM settlement_rows");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("rows\\s+transactions\\n\\s*\\d+\\s+3000\\n");
        assertThat(table.err()).contains("loaded ").contains(" settlement rows of 1999-01-01 .. 1999-12-31");
    }

    @Test
    void aResultExportsToParquetAndABadQueryIsRefusedWithExitCode2() throws Exception {
        Path file = work.resolve("rows.parquet");
        CommandRun export = ledger(
                "sql",
                "--month",
                "1999-10",
                "--parquet",
                file.toString(),
                "SELECT * FROM settlement_rows ORDER BY date;");
        assertThat(export.exitCode()).as(export.err()).isZero();
        long octoberRows = 0;
        for (LocalDate d = LocalDate.of(1999, 10, 1); d.getMonthValue() == 10; d = d.plusDays(1)) {
            octoberRows += admin.get("/v1/settlements/" + d).expect(200).json().size();
        }
        assertThat(export.out()).contains("Wrote " + octoberRows + " rows to " + file.toAbsolutePath());
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = db.createStatement();
                ResultSet r = st.executeQuery("SELECT count(*), sum(gross), min(date), max(date) FROM read_parquet('"
                        + file.toAbsolutePath() + "')")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isEqualTo(octoberRows);
            assertThat(r.getString(3)).startsWith("1999-10-");
        }

        CommandRun bad = ledger("sql", "--month", "1999-10", "SELECT nosuchcolumn FROM settlement_rows");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("ledger sql: the query failed: ").contains("nosuchcolumn");
        assertThat(bad.out()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private static CommandRun sql(String query) {
        return ledger("sql", "--year", "1999", "--format", "csv", query);
    }

    private static JsonNode summary(String key) {
        return new LedgerApi(ledger.httpUrl(), Optional.of(key))
                .get("/v1/settlement-summary?from=" + FIRST + "&to=" + LAST)
                .expect(200)
                .json();
    }

    private static long sumOfEveryDate(String figure) {
        return sumsOfEveryDate().get(figure);
    }

    /** The figures of every row of every date of 1999, read one date at a time: what the summary must equal. */
    private static Map<String, Long> sumsOfEveryDate() {
        Map<String, Long> sums = new HashMap<>();
        List<String> figures = new ArrayList<>(
                List.of("count", "gross", "refunds", "chargebacks", "fees", "commission", "net", "paidOut"));
        figures.forEach(f -> sums.put(f, 0L));
        sums.put("rows", 0L);
        sums.put("open", 0L);
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            for (JsonNode row : admin.get("/v1/settlements/" + d).expect(200).json()) {
                figures.forEach(f -> sums.merge(f, row.get(f).asLong(), Long::sum));
                sums.merge("rows", 1L, Long::sum);
                if (row.get("status").asText().equals("OPEN")) {
                    sums.merge("open", 1L, Long::sum);
                }
            }
        }
        return sums;
    }

    private static CommandRun ledger(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--api-url",
                ledger.httpUrl().toString(),
                "--api-key",
                ledger.adminKey().secret()));
        return CommandRun.ledger(Map.of(), all.toArray(String[]::new));
    }
}
