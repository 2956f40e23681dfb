package org.kleline.ledger.cli.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for a terminal: a header, then rows; text columns left-aligned, figures right-aligned. */
public final class TextTable {

    private static final String GAP = "  ";

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param textColumns how many leading columns hold text (left-aligned); the others hold figures */
    public TextTable(List<String> headers, int textColumns) {
        this.headers = List.copyOf(headers);
        this.rightAligned = new boolean[headers.size()];
        for (int i = textColumns; i < headers.size(); i++) {
            rightAligned[i] = true;
        }
    }

    public void add(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(headers.size() + " cells expected, got " + cells.size() + ": " + cells);
        }
        rows.add(List.copyOf(cells));
    }

    public String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, headers, widths);
        for (List<String> row : rows) {
            line(text, row, widths);
        }
        return text.toString();
    }

    private void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (i > 0) {
                line.append(GAP);
            }
            if (rightAligned[i]) {
                line.append(" ".repeat(widths[i] - cell.length())).append(cell);
            } else {
                line.append(cell).append(" ".repeat(widths[i] - cell.length()));
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
