package org.kleline.ledger.examples.dailybalances;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.kleline.ledger.examples.dailybalances.DailyLedger.AccountDay;
import org.kleline.ledger.examples.dailybalances.DailyLedger.DailyBalance;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

/**
 * Where the books live between runs, in one directory:
 *
 * <ul>
 * <li>{@code state.json}: the books themselves (every entryId booked, the movements, the settlement
 * rows), replaced as a whole, atomically, after each batch and before the consumer commits its
 * offsets. A crash in between means the batch is read again and its entries are skipped as booked;
 * never that one is lost or counted twice. A team with a database keeps these in tables and writes
 * them in one transaction instead;</li>
 * <li>{@code daily-balances.csv} and {@code settlements.csv}: the reports, written from the books
 * after them.</li>
 * </ul>
 */
final class LedgerFiles {

    public static final String STATE = "state.json";
    public static final String DAILY_BALANCES = "daily-balances.csv";
    public static final String SETTLEMENTS = "settlements.csv";
    static final int STATE_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    public LedgerFiles(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The books saved last, or empty books on a first run. */
    public DailyLedger load() {
        Path state = directory.resolve(STATE);
        if (!Files.exists(state)) {
            return new DailyLedger();
        }
        try {
            JsonNode root = JSON.readTree(state.toFile());
            if (root.path("version").asInt() != STATE_VERSION) {
                throw new IllegalStateException(
                        state + " has version " + root.path("version") + ", expected " + STATE_VERSION);
            }
            List<String> booked = new ArrayList<>();
            root.path("bookedEntries").forEach(id -> booked.add(id.asText()));
            Map<AccountDay, Long> movements = new HashMap<>();
            for (JsonNode m : root.path("movements")) {
                movements.put(
                        new AccountDay(
                                m.path("account").asText(),
                                m.path("currency").asText(),
                                LocalDate.parse(m.path("businessDate").asText())),
                        exactLong(m.path("amount")));
            }
            Map<String, SettlementRow> settlements = new HashMap<>();
            root.path("settlements")
                    .properties()
                    .forEach(e -> settlements.put(e.getKey(), settlementRow(e.getValue())));
            return DailyLedger.restore(booked, movements, settlements);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + state, e);
        }
    }

    /** Saves the books, then the reports; returns once all three files are on disk. */
    public void save(DailyLedger ledger) {
        try {
            Files.createDirectories(directory);
            replace(STATE, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state(ledger)));
            replace(DAILY_BALANCES, dailyBalancesCsv(ledger));
            replace(SETTLEMENTS, settlementsCsv(ledger));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the books in " + directory, e);
        }
    }

    static String dailyBalancesCsv(DailyLedger ledger) {
        StringBuilder csv = new StringBuilder("account,currency,business_date,movement,closing_balance\n");
        for (DailyBalance line : ledger.dailyBalances()) {
            appendCsvLine(csv, fields(line));
        }
        return csv.toString();
    }

    static String settlementsCsv(DailyLedger ledger) {
        StringBuilder csv = new StringBuilder("merchant_id,business_date,currency,count,gross,refunds,chargebacks,"
                + "fees,commission,net,paid_out,payouts,status\n");
        for (SettlementRow row : ledger.settlements().values()) {
            appendCsvLine(csv, fields(row));
        }
        return csv.toString();
    }

    /** One CSV line: the values in the order of the file's header, comma separated (none holds a comma or a quote). */
    private static void appendCsvLine(StringBuilder csv, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(values.get(i));
        }
        csv.append('\n');
    }

    /** A Java record's components, in their order. */
    private static List<Object> fields(Record line) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent component : line.getClass().getRecordComponents()) {
            try {
                values.add(component.getAccessor().invoke(line));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a record's accessor cannot be called: " + component, e);
            }
        }
        return values;
    }

    /**
     * An Avro record's fields, in its schema's order: for a {@code SettlementRow}, the order of
     * {@code settlements.csv}'s header (a date prints as yyyy-MM-dd, the status as its name).
     */
    private static List<Object> fields(IndexedRecord row) {
        List<Object> values = new ArrayList<>();
        for (Schema.Field field : row.getSchema().getFields()) {
            values.add(row.get(field.pos()));
        }
        return values;
    }

    private static ObjectNode state(DailyLedger ledger) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", STATE_VERSION);
        ArrayNode booked = root.putArray("bookedEntries");
        ledger.bookedEntries().stream().sorted().forEach(booked::add);
        ArrayNode movements = root.putArray("movements");
        ledger.movements()
                .forEach((day, amount) -> movements
                        .addObject()
                        .put("account", day.account())
                        .put("currency", day.currency())
                        .put("businessDate", day.businessDate().toString())
                        .put("amount", amount));
        ObjectNode settlements = root.putObject("settlements");
        ledger.settlements()
                .forEach((key, row) -> settlements
                        .putObject(key)
                        .put("merchantId", row.getMerchantId())
                        .put("businessDate", row.getBusinessDate().toString())
                        .put("currency", row.getCurrency())
                        .put("count", row.getCount())
                        .put("gross", row.getGross())
                        .put("refunds", row.getRefunds())
                        .put("chargebacks", row.getChargebacks())
                        .put("fees", row.getFees())
                        .put("commission", row.getCommission())
                        .put("net", row.getNet())
                        .put("paidOut", row.getPaidOut())
                        .put("payouts", row.getPayouts())
                        .put("status", row.getStatus().name()));
        return root;
    }

    private static SettlementRow settlementRow(JsonNode row) {
        return new SettlementRow(
                row.path("merchantId").asText(),
                LocalDate.parse(row.path("businessDate").asText()),
                row.path("currency").asText(),
                exactLong(row.path("count")),
                exactLong(row.path("gross")),
                exactLong(row.path("refunds")),
                exactLong(row.path("chargebacks")),
                exactLong(row.path("fees")),
                exactLong(row.path("commission")),
                exactLong(row.path("net")),
                exactLong(row.path("paidOut")),
                Math.toIntExact(exactLong(row.path("payouts"))),
                SettlementStatus.valueOf(row.path("status").asText()));
    }

    /** A JSON integer as a long; anything else (a fraction, a string) is a corrupt file, not a number to round. */
    private static long exactLong(JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalStateException("not a whole number of minor units: " + node);
        }
        return node.longValue();
    }

    /** Writes {@code name} through a temporary file, forced to disk, then moved over the old one in one step. */
    private void replace(String name, String content) throws IOException {
        Path target = directory.resolve(name);
        Path temporary = directory.resolve(name + ".tmp");
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
