package org.kleline.ledger.cli.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.LedgerApiOptions;
import org.kleline.ledger.cli.api.MerchantLookup;
import org.kleline.ledger.cli.api.PeriodRows;
import org.kleline.ledger.cli.api.RetryWhenBusy;
import org.kleline.ledger.cli.period.DateRange;
import org.kleline.ledger.cli.period.FromToOptions;
import org.kleline.ledger.cli.period.YearOrMonthOptions;
import org.kleline.ledger.cli.progress.ProgressLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ledger sql}: one SQL query over a period's settlement rows, merchants and balances, in DuckDB. */
@Command(
        name = "sql",
        sortOptions = false,
        description = {
            "Run one SQL query (DuckDB's dialect) over the settlement views of a running ledger, read through its "
                    + "HTTP API into an in-memory DuckDB:",
            "  settlement_rows  the rows of every date of the period: merchantId, date, currency, count, gross, refunds,",
            "                   chargebacks, fees, commission, net, paidOut, payouts, status (amounts in minor units)",
            "  merchants        each merchant of those rows: merchantId, name, partnerId, currency, balance, and its fee",
            "                   plan in force: cardBps, cardFixed, microBps, microFixed, chargebackFee, partnerShareBps",
            "  balances         the accounts of those merchants, their partners and the platform: accountId, currency,",
            "                   balance, credits, debits (now, whatever the period)",
            "Prints a table, or CSV with --format csv; --parquet FILE writes the result to a Parquet file instead.",
            "A query DuckDB refuses exits 2 with its message.",
            ""
        })
public final class SqlCommand implements Callable<Integer> {

    /** How the result is printed. */
    public enum Format {
        table,
        csv
    }

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerApiOptions apiOptions;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query, in quotes.")
    String query;

    @Mixin
    YearOrMonthOptions yearOrMonth;

    @Mixin
    FromToOptions fromTo;

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "table|csv",
            description = "table (the default) or csv.")
    Format format;

    @Option(names = "--parquet", paramLabel = "FILE", description = "Write the result to this Parquet file.")
    Path parquet;

    @Override
    public Integer call() throws SQLException {
        DateRange period = period();
        LedgerApi api = apiOptions.connect();
        RetryWhenBusy retry = RetryWhenBusy.standard();
        ProgressLine progress = ProgressLine.onStderr(spec.commandLine().getErr());
        long started = System.nanoTime();
        List<JsonNode> rows = PeriodRows.read(api, retry, period, progress);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            progress.update("reading merchants and balances");
            AnalystTables.Loaded loaded = AnalystTables.load(db, rows, api, retry, new MerchantLookup(api, retry));
            progress.finish(String.format(
                    Locale.ROOT,
                    "loaded %,d settlement rows of %s, %,d merchants, %,d balances from %s in %.1f s",
                    loaded.settlementRows(),
                    period,
                    loaded.merchants(),
                    loaded.balances(),
                    api.base(),
                    (System.nanoTime() - started) / 1e9));
            return parquet != null ? exportParquet(db) : print(db);
        }
    }

    private int print(Connection db) {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        try (Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            QueryOutput.Text text = format == Format.csv ? QueryOutput.csv(result) : QueryOutput.table(result);
            out.print(text.text());
            out.flush();
            if (format == Format.table) {
                spec.commandLine()
                        .getErr()
                        .printf(Locale.ROOT, "%,d rows in %.3f s%n", text.rows(), (System.nanoTime() - started) / 1e9);
            }
            return 0;
        } catch (SQLException e) {
            return refused(e);
        }
    }

    private int exportParquet(Connection db) {
        String file = parquet.toAbsolutePath().toString();
        try (Statement statement = db.createStatement()) {
            statement.execute("COPY (" + withoutTrailingSemicolon(query) + ") TO '" + file.replace("'", "''")
                    + "' (FORMAT parquet)");
            long rows;
            try (ResultSet count =
                    statement.executeQuery("SELECT count(*) FROM read_parquet('" + file.replace("'", "''") + "')")) {
                count.next();
                rows = count.getLong(1);
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %,d rows to %s (Parquet)%n", rows, file);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (SQLException e) {
            return refused(e);
        }
    }

    /** A query DuckDB cannot run is a bad argument: one line naming why, exit 2. */
    private int refused(SQLException e) {
        String message =
                e.getMessage() == null ? e.toString() : e.getMessage().strip().replace('\n', ' ');
        spec.commandLine().getErr().println("ledger sql: the query failed: " + message);
        spec.commandLine().getErr().flush();
        return 2;
    }

    private static String withoutTrailingSemicolon(String sql) {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed;
    }

    private DateRange period() {
        if (yearOrMonth.given() + (fromTo.anyGiven() ? 1 : 0) != 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "give the period: --year YYYY, --month YYYY-MM or --from and --to (one of them)");
        }
        return yearOrMonth.given() == 1 ? yearOrMonth.period() : fromTo.range("--from and --to go together");
    }
}
