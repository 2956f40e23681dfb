package org.kleline.ledger.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.kleline.ledger.cli.api.ApiFailure;
import org.kleline.ledger.simulator.bulk.BulkBatcher;
import org.kleline.ledger.simulator.bulk.BulkLimits;
import org.kleline.ledger.simulator.generate.Defect;

/**
 * Posts a file of NDJSON events ({@code ledger simulate --out}) through the bulk API, in file order:
 * good lines batched within the API's limits, each line broken on purpose ({@link DeliberateDefects})
 * alone, its 400 expected. A 400 for any other line stops the load, naming the line of the file:
 * every line before its request is appended, none from it on.
 */
final class NdjsonFileLoad {

    /** How often, in lines, progress is reported. */
    static final int PROGRESS_EVERY_LINES = 1_000;

    private static final int READ_BUFFER_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Told how far the load has come: bytes of the file read, of its size, and lines. */
    @FunctionalInterface
    interface Listener {
        void onProgress(long bytesRead, long fileBytes, long lines);
    }

    /**
     * @param lines           every line of the file, blank ones included
     * @param blankLines      lines skipped for being blank
     * @param linesAppended   lines the API accepted
     * @param refusedByDefect lines broken on purpose, refused as expected, by defect
     * @param requests        bulk requests sent
     */
    record Summary(long lines, long blankLines, long linesAppended, Map<Defect, Long> refusedByDefect, long requests) {

        Summary {
            refusedByDefect = Collections.unmodifiableMap(new EnumMap<>(refusedByDefect));
        }

        long refused() {
            return refusedByDefect.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private NdjsonFileLoad() {}

    static Summary load(Path file, BulkPoster poster, BulkLimits limits, Listener listener) throws IOException {
        long fileBytes = Files.size(file);
        Deque<Long> unsentLineNumbers = new ArrayDeque<>();
        BulkBatcher batcher = new BulkBatcher(limits, request -> {
            long[] numbers = new long[request.lines()];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = unsentLineNumbers.removeFirst();
            }
            try {
                poster.send(request);
            } catch (BulkRefused refused) {
                throw refusedLine(file, numbers, refused);
            }
        });
        Map<Defect, Long> refusedByDefect = new EnumMap<>(Defect.class);
        long lineNumber = 0;
        long blank = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), READ_BUFFER_BYTES)) {
            NdjsonLines lines = new NdjsonLines(in, limits.bytesMax());
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                lineNumber++;
                if (lineNumber % PROGRESS_EVERY_LINES == 0) {
                    listener.onProgress(lines.bytesRead(), fileBytes, lineNumber);
                }
                if (NdjsonLines.isBlank(line)) {
                    blank++;
                    continue;
                }
                Optional<Defect> defect = DeliberateDefects.recognise(parsed(line));
                unsentLineNumbers.addLast(lineNumber);
                batcher.add(line, defect.isPresent());
                defect.ifPresent(d -> refusedByDefect.merge(d, 1L, Long::sum));
            }
            batcher.flush();
            listener.onProgress(lines.bytesRead(), fileBytes, lineNumber);
        } catch (IllegalArgumentException e) {
            throw new ApiFailure(file + ": " + e.getMessage(), e);
        }
        return new Summary(lineNumber, blank, poster.linesAccepted(), refusedByDefect, poster.requests());
    }

    /** The line as JSON, or null when it is not: the API is the judge of it then. */
    private static JsonNode parsed(byte[] line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static ApiFailure refusedLine(Path file, long[] numbers, BulkRefused refused) {
        int index = refused.line() - 1;
        String where = index >= 0 && index < numbers.length ? "line " + numbers[index] : "a line";
        String appended = numbers[0] == 1
                ? "No line of the file is appended"
                : "Every line before line " + numbers[0] + " is appended, none from it on";
        return new ApiFailure(
                where + " of " + file + " was refused and is not one of the lines a simulation "
                        + "breaks on purpose, so the load stops: " + refused.getMessage() + ". " + appended
                        + "; fix the line "
                        + "and load the file again (lines appended already are then DUPLICATE, with no effect).",
                refused);
    }
}
