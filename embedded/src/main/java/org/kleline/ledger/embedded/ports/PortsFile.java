package org.kleline.ledger.embedded.ports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Ports remembered in a properties file inside a data directory, so that the addresses a user
 * (or a downstream consumer) was given on the first start stay valid after every restart.
 */
public final class PortsFile {

    public static final String FILE_NAME = "ports.properties";

    private final Path file;

    public PortsFile(Path dataDirectory) {
        if (dataDirectory == null) {
            throw new IllegalArgumentException("dataDirectory must not be null");
        }
        this.file = dataDirectory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public synchronized OptionalInt remembered(String name) {
        String value = load().getProperty(name);
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(value.trim());
            LoopbackPorts.requireValid(port, name);
            return OptionalInt.of(port);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Port '" + name + "' in " + file + " is not a valid port: '" + value
                            + "'; fix or delete the line to have a new port chosen",
                    e);
        }
    }

    public synchronized void remember(String name, int port) {
        LoopbackPorts.requireValid(port, name);
        Properties properties = load();
        properties.setProperty(name, Integer.toString(port));
        store(properties);
    }

    private Properties load() {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read remembered ports from " + file, e);
            }
        }
        return properties;
    }

    // Written to a temporary file and moved, so a crash never leaves a half-written file that
    // would lose the addresses.
    private void store(Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                properties.store(out, "Loopback ports chosen on the first start; kept so addresses survive restarts");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write remembered ports to " + file, e);
        }
    }
}
