package org.kleline.ledger.embedded.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.kafka.EmbeddedKafka;
import org.kleline.ledger.embedded.registry.SchemaRegistryServer;

/**
 * One embedded broker and schema registry per test class, in a temporary directory deleted
 * afterwards. Tests receive them as parameters (constructor, {@code @BeforeAll}, test methods)
 * of type {@link EmbeddedLedgerInfrastructure}, {@link EmbeddedKafka} or
 * {@link SchemaRegistryServer}:
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedKafkaExtension.class)
 * class PaymentsIT {
 *     @Test
 *     void roundTrip(EmbeddedLedgerInfrastructure infrastructure) {
 *         String bootstrap = infrastructure.bootstrapServers();
 *         String registry = infrastructure.schemaRegistryUrl();
 *     }
 * }
 * }</pre>
 *
 * Or as a field, {@code @RegisterExtension static EmbeddedKafkaExtension kafka = new
 * EmbeddedKafkaExtension();}, then {@code kafka.bootstrapServers()}. Nested classes share
 * their enclosing class's infrastructure.
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);
    private static final String INFRASTRUCTURE = "infrastructure";
    private static final String DIRECTORY = "directory";

    private volatile EmbeddedLedgerInfrastructure registered;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        registered = infrastructure(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        EmbeddedLedgerInfrastructure owned = store.remove(INFRASTRUCTURE, EmbeddedLedgerInfrastructure.class);
        Path directory = store.remove(DIRECTORY, Path.class);
        if (owned == null) {
            return;
        }
        registered = null;
        try {
            owned.close();
        } finally {
            deleteRecursively(directory);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedLedgerInfrastructure.class
                || type == EmbeddedKafka.class
                || type == SchemaRegistryServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        EmbeddedLedgerInfrastructure infrastructure;
        try {
            infrastructure = infrastructure(context);
        } catch (IOException e) {
            throw new ParameterResolutionException("Cannot start the embedded Kafka and schema registry", e);
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == EmbeddedKafka.class) {
            return infrastructure.kafka();
        }
        if (type == SchemaRegistryServer.class) {
            return infrastructure.schemaRegistry();
        }
        return infrastructure;
    }

    /** The infrastructure of the running test class, for a {@code @RegisterExtension} field. */
    public EmbeddedLedgerInfrastructure infrastructure() {
        EmbeddedLedgerInfrastructure current = registered;
        if (current == null) {
            throw new IllegalStateException("The embedded Kafka is started in @BeforeAll; it is not running now");
        }
        return current;
    }

    public String bootstrapServers() {
        return infrastructure().bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return infrastructure().schemaRegistryUrl();
    }

    // Looked up through the enclosing contexts first, so a nested class or a method reuses its
    // class's instance; started in the class context otherwise.
    private static EmbeddedLedgerInfrastructure infrastructure(ExtensionContext context) throws IOException {
        EmbeddedLedgerInfrastructure existing =
                context.getStore(NAMESPACE).get(INFRASTRUCTURE, EmbeddedLedgerInfrastructure.class);
        if (existing != null) {
            return existing;
        }
        ExtensionContext classContext =
                context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        ExtensionContext.Store store = classContext.getStore(NAMESPACE);
        Path directory = Files.createTempDirectory("embedded-kafka-");
        EmbeddedLedgerInfrastructure started;
        try {
            started = EmbeddedLedgerInfrastructure.start(directory);
        } catch (RuntimeException e) {
            deleteRecursively(directory);
            throw e;
        }
        store.put(DIRECTORY, directory);
        store.put(INFRASTRUCTURE, started);
        return started;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw new UncheckedIOException(failure);
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
