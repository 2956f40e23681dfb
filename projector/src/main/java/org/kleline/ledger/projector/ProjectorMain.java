package org.kleline.ledger.projector;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Runs one projector until the process is stopped: {@code ProjectorMain <projector.properties>}.
 * The properties hold {@code bootstrap.servers}, {@code schema.registry.url} and any override.
 */
public final class ProjectorMain {

    private ProjectorMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException(
                    "usage: ProjectorMain <projector.properties>, got " + args.length + " arguments");
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            props.load(in);
        }
        Projector projector = new Projector(props);
        Runtime.getRuntime().addShutdownHook(new Thread(projector::close, "projector-shutdown"));
        projector.start();
        projector.awaitTermination();
    }
}
