package org.kleline.ledger.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One ledger run per test class, as {@code ledger run} starts it (three partitions, settlement in Europe/Paris, a free
 * port), in a temporary data directory deleted after the class's last test. The class's {@code @BeforeAll} method
 * receives it as a {@link LedgerRun} parameter:
 *
 * <pre>{@code
 * @ExtendWith(LedgerRunPerClass.class)
 * class SomeIT {
 *     @BeforeAll
 *     static void start(LedgerRun run) { ledger = run; }
 * }
 * }</pre>
 */
public final class LedgerRunPerClass implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LedgerRunPerClass.class);
    private static final String RUN = "run";
    private static final String DATA_DIR = "dataDir";

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path dataDir = Files.createTempDirectory("ledger-run-");
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(DATA_DIR, dataDir);
        store.put(RUN, LedgerRun.start(new RunSettings(dataDir, 0, 3, PARIS)));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Path dataDir = store.remove(DATA_DIR, Path.class);
        LedgerRun run = store.remove(RUN, LedgerRun.class);
        try {
            if (run != null) {
                run.close();
            }
        } finally {
            if (dataDir != null) {
                deleteRecursively(dataDir);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LedgerRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(RUN, LedgerRun.class);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
