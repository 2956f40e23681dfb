package org.kleline.ledger.examples.dailybalances;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Keeps every account's balance per business date from the ledger's journal, and the latest
 * settlement rows, in CSV files an accounting team can open:
 *
 * <pre>
 * java -jar daily-balances.jar --bootstrap-servers 127.0.0.1:37453 --schema-registry-url http://127.0.0.1:44431 \
 *     [--group-id accounting-daily-balances] [--out ./daily-balances] [--client-config client.properties] [--until-caught-up]
 * </pre>
 *
 * Without {@code --until-caught-up} it follows the topics until Ctrl-C; with it, it stops once it has
 * read everything committed so far. Either way the next run goes on from where the group stopped.
 */
public final class DailyBalances {

    static final String USAGE = """
            usage: daily-balances --bootstrap-servers HOST:PORT --schema-registry-url URL
                                  [--group-id ID] [--out DIR] [--client-config FILE] [--until-caught-up]
              --bootstrap-servers    the Kafka cluster (`ledger run` prints it)
              --schema-registry-url  the schema registry (`ledger run` prints it)
              --group-id             this application's consumer group (default accounting-daily-balances)
              --out                  where the books and the CSV reports are kept (default ./daily-balances)
              --client-config        a properties file of Kafka and registry client settings (security, say)
              --until-caught-up      stop once everything committed so far is booked, instead of following
            """;

    /** The command line, parsed. */
    record Options(DailyBalancesConsumer.Settings settings, Path out, boolean untilCaughtUp) {

        static Options parse(String... args) throws IOException {
            String bootstrap = null;
            String registry = null;
            String groupId = DailyBalancesConsumer.Settings.DEFAULT_GROUP_ID;
            Path out = Path.of("daily-balances");
            Map<String, String> clientConfig = new HashMap<>();
            boolean untilCaughtUp = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bootstrap-servers" -> bootstrap = value(args, ++i);
                    case "--schema-registry-url" -> registry = value(args, ++i);
                    case "--group-id" -> groupId = value(args, ++i);
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--client-config" -> clientConfig.putAll(read(Path.of(value(args, ++i))));
                    case "--until-caught-up" -> untilCaughtUp = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (bootstrap == null || registry == null) {
                throw new IllegalArgumentException("--bootstrap-servers and --schema-registry-url are required");
            }
            return new Options(
                    new DailyBalancesConsumer.Settings(bootstrap, registry, groupId, clientConfig), out, untilCaughtUp);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        private static Map<String, String> read(Path file) throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            Map<String, String> map = new HashMap<>();
            properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
            return map;
        }
    }

    private DailyBalances() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("daily-balances: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        // No System.exit at the end: after Ctrl-C it would wait for ever on the shutdown hook already
        // running. A failure leaves main with its exception, and the JVM with status 1.
        run(options, System.out);
    }

    /** Runs until caught up or stopped (Ctrl-C), then prints the daily balances booked; returns what it read. */
    static DailyBalancesConsumer.Summary run(Options options, PrintStream report) throws InterruptedException {
        LedgerFiles files = new LedgerFiles(options.out());
        try (DailyBalancesConsumer consumer = new DailyBalancesConsumer(options.settings(), files)) {
            Thread main = Thread.currentThread();
            Thread stopper = new Thread(
                    () -> {
                        consumer.stop();
                        try {
                            main.join(30_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "daily-balances-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            DailyBalancesConsumer.Summary summary;
            try {
                summary = consumer.run(options.untilCaughtUp());
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is what stopped the run, and waits for this thread to finish
                }
            }
            report.print(LedgerFiles.dailyBalancesCsv(consumer.books()));
            report.flush();
            System.err.printf(
                    "daily-balances: %d journal records read, %d of them new entries booked, %d settlement"
                            + " records read; books in %s%n",
                    summary.journalRecords(),
                    summary.entriesBooked(),
                    summary.settlementRecords(),
                    files.directory().toAbsolutePath());
            return summary;
        }
    }
}
