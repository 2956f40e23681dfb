package org.kleline.ledger.query.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import org.kleline.ledger.query.body.SettlementRowBody;
import org.kleline.ledger.web.json.LedgerJson;

/**
 * Settlement rows as CSV (RFC 4180): a header line with the JSON field names, one line per row
 * with the row's JSON values in that order, CRLF line ends. No value needs quoting: ids, dates,
 * currency codes, integers and statuses hold no comma, quote or line break.
 */
final class SettlementCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final String LINE_END = "\r\n";
    private static final Pattern ZERO_QUALITY = Pattern.compile("0(\\.0{0,3})?");
    /** The columns: the fields of a row's JSON, in the order the JSON gives them. */
    private static final List<String> COLUMNS = List.of(
            SettlementRowBody.class.getAnnotation(JsonPropertyOrder.class).value());

    private SettlementCsv() {}

    static String write(List<SettlementRowBody> rows) {
        StringBuilder csv = new StringBuilder(64 * (rows.size() + 1));
        csv.append(String.join(",", COLUMNS)).append(LINE_END);
        for (SettlementRowBody row : rows) {
            JsonNode json = LedgerJson.mapper().valueToTree(row);
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(json.get(COLUMNS.get(i)).asText());
            }
            csv.append(LINE_END);
        }
        return csv.toString();
    }

    /** Whether the client asked for CSV: {@code text/csv} among the media types it accepts. */
    static boolean wanted(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String mediaType = range.split(";", 2)[0].trim();
            if (mediaType.equalsIgnoreCase(MEDIA_TYPE) && !refused(range)) {
                return true;
            }
        }
        return false;
    }

    /** {@code q=0} means "not this one". */
    private static boolean refused(String range) {
        for (String param : range.split(";")) {
            String p = param.trim();
            if (p.startsWith("q=")) {
                return ZERO_QUALITY.matcher(p.substring(2)).matches();
            }
        }
        return false;
    }
}
