package org.kleline.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kleline.ledger.cli.CommandRun.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client commands' bad command lines: each exits 2 with a message naming the option at fault,
 * before anything is sent (the API URL given points nowhere).
 */
class ClientCommandsUsageTest {

    private static final String NOWHERE = "http://127.0.0.1:9";

    /** {@code ledger verify} against a Kafka and a schema registry on localhost, with {@code option value}. */
    private static CommandRun verifyOnLocalhost(String option, String value) {
        return ledger(
                "verify",
                "--bootstrap-servers",
                "localhost:9092",
                "--schema-registry-url",
                "http://localhost:8081",
                option,
                value);
    }

    private static void assertUsageError(CommandRun result, String message, String usage) {
        result.assertUsageError(message, "Usage: ledger " + usage);
    }

    @Test
    void simulateRefusesAFileToWriteAndOneToSendTogether() {
        assertUsageError(
                ledger("simulate", "--out", "a.ndjson", "--in", "b.ndjson", "--api-url", NOWHERE),
                "--out writes a file and --in sends one: give one of them, not both",
                "simulate");
    }

    @Test
    void simulateRefusesGeneratorOptionsWithAFileToSend(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("year.ndjson"), "");
        assertUsageError(
                ledger("simulate", "--in", file.toString(), "--seed", "7", "--api-url", NOWHERE),
                "--in sends FILE as it is written; --seed apply only when generating",
                "simulate");
    }

    @Test
    void simulateRefusesANegativeNumberOfTransactions() {
        assertUsageError(
                ledger("simulate", "--transactions", "-1", "--api-url", NOWHERE),
                "--transactions: transactions must be 0..100000000, was -1",
                "simulate");
    }

    @Test
    void simulateRefusesAYearOutOfRange() {
        assertUsageError(
                ledger("simulate", "--year", "1969", "--out", "x.ndjson"),
                "--year: year must be 1970..9999, was 1969",
                "simulate");
    }

    @Test
    void anApiUrlThatIsNotHttpIsAUsageError() {
        assertUsageError(
                ledger("simulate", "--api-url", "ftp://localhost"),
                "--api-url must be an http(s) URL such as http://localhost:8080, got 'ftp://localhost'",
                "simulate");
        assertUsageError(
                ledger("settle", "--date", "1999-01-01", "--api-url", "localhost:8080"),
                "--api-url must be an http(s) URL",
                "settle");
    }

    @Test
    void loadNeedsAFileThatExists(@TempDir Path dir) {
        assertUsageError(ledger("load", "--api-url", NOWHERE), "Missing required parameter: 'FILE'", "load");
        Path missing = dir.resolve("missing.ndjson");
        assertUsageError(
                ledger("load", missing.toString(), "--api-url", NOWHERE),
                "FILE " + missing + " is not a readable file",
                "load");
    }

    @Test
    void settleNeedsADateOrARange() {
        assertUsageError(
                ledger("settle", "--api-url", NOWHERE),
                "give --date YYYY-MM-DD, or --from YYYY-MM-DD and --to YYYY-MM-DD",
                "settle");
        assertUsageError(
                ledger("settle", "--from", "1999-01-01", "--api-url", NOWHERE),
                "give --date YYYY-MM-DD, or --from YYYY-MM-DD and --to YYYY-MM-DD",
                "settle");
        assertUsageError(
                ledger("settle", "--date", "1999-01-01", "--from", "1999-01-01", "--to", "1999-01-02"),
                "--date settles one date; --from and --to a range: give one or the other",
                "settle");
    }

    @Test
    void settleRefusesARangeEndingBeforeItStartsOrTooLong() {
        assertUsageError(
                ledger("settle", "--date", "1999-01-01", "--concurrency", "0", "--api-url", NOWHERE),
                "--concurrency must be 1..64, got 0",
                "settle");
        assertUsageError(
                ledger("settle", "--from", "1999-02-01", "--to", "1999-01-31", "--api-url", NOWHERE),
                "--to 1999-01-31 is before --from 1999-02-01",
                "settle");
        assertUsageError(
                ledger("settle", "--from", "1990-01-01", "--to", "2009-12-31", "--api-url", NOWHERE),
                "spans 7305 days; at most 3660 in one run",
                "settle");
    }

    @Test
    void aDateThatIsNoDateIsAUsageError() {
        ledger("settle", "--date", "1999-02-30", "--api-url", NOWHERE).assertUsageError("--date", "1999-02-30");
    }

    @Test
    void reportNeedsAMonthOrAYearButNotBoth() {
        assertUsageError(
                ledger("report", "--api-url", NOWHERE), "give --month YYYY-MM or --year YYYY (one of them)", "report");
        assertUsageError(
                ledger("report", "--month", "1999-06", "--year", "1999", "--api-url", NOWHERE),
                "give --month YYYY-MM or --year YYYY (one of them)",
                "report");
        ledger("report", "--month", "1999-13", "--api-url", NOWHERE).assertUsageError("--month", "1999-13");
    }

    @Test
    void sqlNeedsAQueryAndOnePeriod() {
        String oneOf = "give the period: --year YYYY, --month YYYY-MM or --from and --to (one of them)";
        assertUsageError(ledger("sql", "SELECT 1", "--api-url", NOWHERE), oneOf, "sql");
        assertUsageError(
                ledger("sql", "SELECT 1", "--year", "1999", "--month", "1999-06", "--api-url", NOWHERE), oneOf, "sql");
        assertUsageError(
                ledger("sql", "SELECT 1", "--from", "1999-01-01", "--api-url", NOWHERE),
                "--from and --to go together",
                "sql");
        assertUsageError(
                ledger("sql", "SELECT 1", "--from", "1999-02-01", "--to", "1999-01-01", "--api-url", NOWHERE),
                "1999-02-01",
                "sql");
        ledger("sql", "--year", "1999", "--api-url", NOWHERE).assertUsageError("QUERY");
    }

    @Test
    void verifyNeedsTheKafkaAndRegistryAddresses() {
        assertUsageError(
                ledger("verify", "--schema-registry-url", "http://localhost:8081", "--api-url", NOWHERE),
                "--bootstrap-servers is required",
                "verify");
        assertUsageError(
                ledger("verify", "--bootstrap-servers", "localhost:9092", "--api-url", NOWHERE),
                "--schema-registry-url is required",
                "verify");
    }

    @Test
    void verifyRefusesNoConcurrencyAndANegativeWait() {
        assertUsageError(
                verifyOnLocalhost("--http-concurrency", "0"), "--http-concurrency must be >= 1, was 0", "verify");
        assertUsageError(verifyOnLocalhost("--wait", "-1"), "--wait must be >= 0 seconds, was -1", "verify");
    }

    @Test
    void aLedgerOutOfReachIsAFailureWithOneLineAndExitCode1() {
        CommandRun result = ledger("settle", "--date", "1999-01-01", "--api-url", NOWHERE);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err())
                .startsWith("ledger settle: the ledger's HTTP API at " + NOWHERE + " did not answer "
                        + "POST /v1/settlements/1999-01-01/settle (is it running? --api-url)");
    }

    @Test
    void helpOfEachClientCommandExitsZero() {
        for (String command : new String[] {"simulate", "load", "settle", "verify", "report", "sql"}) {
            CommandRun result = ledger(command, "--help");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Usage: ledger " + command);
        }
    }
}
