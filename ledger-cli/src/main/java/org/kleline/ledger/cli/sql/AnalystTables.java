package org.kleline.ledger.cli.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.kleline.ledger.cli.api.ConcurrentRequests;
import org.kleline.ledger.cli.api.LedgerApi;
import org.kleline.ledger.cli.api.MerchantLookup;
import org.kleline.ledger.cli.api.RetryWhenBusy;
import org.kleline.ledger.cli.ingest.QueryOverHttp;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.settlement.SettlementRow;

/**
 * The tables {@code ledger sql} queries, filled from a running ledger's HTTP API into an in-memory
 * DuckDB: {@code settlement_rows} (the rows of the period, with the fields of a settlement row),
 * {@code merchants} (each merchant of those rows, with its partner, balance and fee plan in force) and
 * {@code balances} (the accounts of those merchants, of their partners and of the platform). Amounts
 * are BIGINT minor units, as the API gives them.
 */
public final class AnalystTables {

    static final String SETTLEMENT_ROWS = "settlement_rows";
    static final String MERCHANTS = "merchants";
    static final String BALANCES = "balances";

    /** The tables' definitions, as {@code ledger sql --help} and docs/analysts.md show them. */
    static final List<String> DEFINITIONS = List.of(
            "CREATE TABLE " + SETTLEMENT_ROWS + " (merchantId VARCHAR, date DATE, currency VARCHAR, count BIGINT, "
                    + "gross BIGINT, refunds BIGINT, chargebacks BIGINT, fees BIGINT, commission BIGINT, net BIGINT, "
                    + "paidOut BIGINT, payouts INTEGER, status VARCHAR)",
            "CREATE TABLE " + MERCHANTS + " (merchantId VARCHAR, name VARCHAR, partnerId VARCHAR, currency VARCHAR, "
                    + "balance BIGINT, cardBps INTEGER, cardFixed BIGINT, microBps INTEGER, microFixed BIGINT, "
                    + "chargebackFee BIGINT, partnerShareBps INTEGER)",
            "CREATE TABLE " + BALANCES + " (accountId VARCHAR, currency VARCHAR, balance BIGINT, credits BIGINT, "
                    + "debits BIGINT)");

    /** Balances asked at once. */
    static final int ACCOUNTS_IN_FLIGHT = 8;

    /** How many rows each table got. */
    public record Loaded(int settlementRows, int merchants, int balances) {}

    private AnalystTables() {}

    /** Creates the tables in {@code db} and fills them from {@code rows} and the API. */
    public static Loaded load(
            Connection db, List<JsonNode> rows, LedgerApi api, RetryWhenBusy retry, MerchantLookup lookup)
            throws SQLException {
        DuckDBConnection duck = db.unwrap(DuckDBConnection.class);
        try (Statement create = db.createStatement()) {
            for (String definition : DEFINITIONS) {
                create.execute(definition);
            }
        }
        Set<String> merchantIds = new TreeSet<>();
        try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, SETTLEMENT_ROWS)) {
            for (JsonNode body : rows) {
                SettlementRow row = QueryOverHttp.row(body);
                merchantIds.add(row.getMerchantId());
                appender.beginRow()
                        .append(row.getMerchantId())
                        .append(row.getBusinessDate())
                        .append(row.getCurrency())
                        .append(row.getCount())
                        .append(row.getGross())
                        .append(row.getRefunds())
                        .append(row.getChargebacks())
                        .append(row.getFees())
                        .append(row.getCommission())
                        .append(row.getNet())
                        .append(row.getPaidOut())
                        .append(row.getPayouts())
                        .append(row.getStatus().name())
                        .endRow();
            }
        }
        Set<String> accounts = new TreeSet<>(List.of(
                AccountId.PLATFORM_FEES.value(),
                AccountId.PLATFORM_CARD_CLEARING.value(),
                AccountId.PLATFORM_PAYOUTS.value()));
        lookup.askAll(List.copyOf(merchantIds));
        try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, MERCHANTS)) {
            for (String merchantId : merchantIds) {
                JsonNode m = lookup.body(merchantId);
                JsonNode plan = m.get("feePlan");
                String partnerId = text(m, "partnerId");
                appender.beginRow().append(merchantId).append(m.get("name").asText());
                if (partnerId == null) {
                    appender.appendNull();
                } else {
                    appender.append(partnerId);
                    accounts.add("partner:" + partnerId);
                }
                appender.append(m.get("currency").asText())
                        .append(m.get("balance").asLong())
                        .append(plan.get("cardBps").asInt())
                        .append(plan.get("cardFixed").asLong())
                        .append(plan.get("microBps").asInt())
                        .append(plan.get("microFixed").asLong())
                        .append(plan.get("chargebackFee").asLong())
                        .append(plan.get("partnerShareBps").asInt())
                        .endRow();
                accounts.add("merchant:" + merchantId);
            }
        }
        int[] balances = {0};
        try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, BALANCES)) {
            new ConcurrentRequests<String, LedgerApi.Answer>(
                            ACCOUNTS_IN_FLIGHT,
                            "ledger-sql-balances",
                            account -> retry.call(
                                    () -> api.get("/v1/accounts/" + LedgerApi.segment(account) + "/balances")))
                    .run(List.copyOf(accounts), (account, answer) -> {
                        if (answer.status() == 404) {
                            return; // a partner without commissions yet has no account
                        }
                        for (JsonNode b : answer.expect(200).json()) {
                            appendBalance(appender, account, b);
                            balances[0]++;
                        }
                    });
        }
        return new Loaded(rows.size(), merchantIds.size(), balances[0]);
    }

    private static void appendBalance(DuckDBAppender appender, String account, JsonNode balance) {
        try {
            appender.beginRow()
                    .append(account)
                    .append(balance.get("currency").asText())
                    .append(balance.get("balance").asLong())
                    .append(balance.get("credits").asLong())
                    .append(balance.get("debits").asLong())
                    .endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB refused a balance of " + account + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
