package org.kleline.ledger.cli.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The seed of a fault campaign and how long each recovery took. The seed comes from a system property
 * ({@code random}: a fresh one), printed so that a campaign can be replayed; the times are printed as a
 * table at the end and appended to {@code target/fault-campaign.txt}, the figures docs/operations.md quotes.
 */
final class RecoveryTimes {

    static final Path REPORT = Path.of("target", "fault-campaign.txt");
    /** The seed of every fault campaign unless {@code -Dledger.faults.seed} names another. */
    static final long FIXED_SEED = 20261207L;

    private final String campaign;
    private final long seed;
    private final Map<String, List<Long>> millis = new LinkedHashMap<>();

    private RecoveryTimes(String campaign, long seed) {
        this.campaign = campaign;
        this.seed = seed;
    }

    /** The campaign's seed from {@code -Dledger.faults.seed} (a number, or {@code random}), {@link #FIXED_SEED} by default. */
    static RecoveryTimes seeded(String campaign) {
        String property = "ledger.faults.seed";
        String asked = System.getProperty(property, Long.toString(FIXED_SEED));
        long seed = asked.equals("random") ? new Random().nextLong() : Long.parseLong(asked);
        System.out.println(campaign + " seed " + seed + " (replay with -D" + property + "=" + seed + ")");
        return new RecoveryTimes(campaign, seed);
    }

    long seed() {
        return seed;
    }

    /** Where the processes of this campaign write their output: {@code target/fault-campaign-logs/CAMPAIGN-SEED}, kept. */
    Path logs() {
        return Path.of("target", "fault-campaign-logs", campaign + "-" + seed);
    }

    /** Records that {@code what} took from {@code sinceNanos} until now; returns the milliseconds. */
    synchronized long record(String what, long sinceNanos) {
        long ms = (System.nanoTime() - sinceNanos) / 1_000_000;
        millis.computeIfAbsent(what, k -> new ArrayList<>()).add(ms);
        System.out.println(campaign + ": " + what + " in " + ms + " ms");
        return ms;
    }

    synchronized List<Long> of(String what) {
        return List.copyOf(millis.getOrDefault(what, List.of()));
    }

    /** The table: each recovery's count, min, median and max; with the outcome figures given. */
    synchronized String report(String figures) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s, seed %d: %s%n", campaign, seed, figures));
        s.append(
                String.format(Locale.ROOT, "  %-48s %5s %8s %8s %8s%n", "recovery", "n", "min ms", "median", "max ms"));
        millis.forEach((what, list) -> {
            List<Long> sorted = list.stream().sorted().toList();
            s.append(String.format(
                    Locale.ROOT,
                    "  %-48s %5d %8d %8d %8d%n",
                    what,
                    sorted.size(),
                    sorted.get(0),
                    sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1)));
        });
        return s.toString();
    }

    /** Prints the report and appends it to {@link #REPORT}. */
    void publish(String figures) {
        String report = report(figures);
        System.out.print(report);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
