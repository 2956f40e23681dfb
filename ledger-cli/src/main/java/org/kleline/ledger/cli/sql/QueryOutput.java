package org.kleline.ledger.cli.sql;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.kleline.ledger.cli.report.TextTable;

/**
 * A query's result as text: a table for a terminal (numbers right-aligned) or CSV (RFC 4180, a header
 * line). Values are DuckDB's own text of them ({@link ResultSet#getString}), so a sum of minor units
 * prints every digit; NULL is empty in CSV and {@code NULL} in a table.
 */
final class QueryOutput {

    private QueryOutput() {}

    /** Every row of {@code result}, and how many there were. */
    record Text(String text, int rows) {}

    static Text table(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        int columns = meta.getColumnCount();
        List<String> headers = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            headers.add(meta.getColumnLabel(i));
        }
        // TextTable right-aligns the columns after its text columns: put the text first only if it is first.
        int textColumns = 0;
        while (textColumns < columns && !numeric(meta, textColumns + 1)) {
            textColumns++;
        }
        TextTable table = new TextTable(headers, textColumns);
        int rows = 0;
        while (result.next()) {
            List<String> cells = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                String value = result.getString(i);
                cells.add(value == null ? "NULL" : value);
            }
            table.add(cells);
            rows++;
        }
        return new Text(table.render(), rows);
    }

    static Text csv(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        int columns = meta.getColumnCount();
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            text.append(i > 1 ? "," : "").append(field(meta.getColumnLabel(i)));
        }
        text.append("\r\n");
        int rows = 0;
        while (result.next()) {
            for (int i = 1; i <= columns; i++) {
                String value = result.getString(i);
                text.append(i > 1 ? "," : "").append(value == null ? "" : field(value));
            }
            text.append("\r\n");
            rows++;
        }
        return new Text(text.toString(), rows);
    }

    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static boolean numeric(ResultSetMetaData meta, int column) throws SQLException {
        // DuckDB's sums of BIGINT are HUGEINT, which JDBC has no type for.
        String name = meta.getColumnTypeName(column);
        if (name.startsWith("HUGEINT") || name.startsWith("UHUGEINT") || name.startsWith("DECIMAL")) {
            return true;
        }
        return switch (meta.getColumnType(column)) {
            case Types.TINYINT,
                    Types.SMALLINT,
                    Types.INTEGER,
                    Types.BIGINT,
                    Types.DECIMAL,
                    Types.NUMERIC,
                    Types.REAL,
                    Types.FLOAT,
                    Types.DOUBLE -> true;
            default -> false;
        };
    }
}
