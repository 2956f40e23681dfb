package org.kleline.ledger.cli.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of a process run against an external Kafka and schema registry ({@code node}, {@code ingest}, {@code verify}). */
public final class ExternalKafkaOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (bootstrap.servers).")
    String bootstrapServers;

    @Option(
            names = "--schema-registry-url",
            paramLabel = "URL[,...]",
            description = "Schema registry base URL(s), Confluent REST API (schema.registry.url).")
    String schemaRegistryUrl;

    @Option(
            names = {"-X", "--client-setting"},
            paramLabel = "KEY=VALUE",
            description = {
                "Any Kafka client or schema registry client setting, repeatable, given to every client "
                        + "of the process (e.g. -X security.protocol=SASL_SSL -X sasl.mechanism=PLAIN). In the "
                        + "environment variable, one KEY=VALUE a line.",
                "Overrides --client-config; --bootstrap-servers and --schema-registry-url override both."
            })
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--client-config",
            paramLabel = "FILE",
            description = "A properties file of Kafka client settings (security, timeouts), given to every client.")
    Path clientConfig;

    /** The layered settings; a missing address or a malformed -X is a usage error (exit code 2). */
    public ClientProperties clientProperties() {
        return clientProperties(Map.of());
    }

    /** The layered settings over {@code discovered} ones, which every option given overrides. */
    public ClientProperties clientProperties(Map<String, String> discovered) {
        try {
            return ClientProperties.layered(
                    discovered, clientConfig, settingsGiven(), bootstrapServers, schemaRegistryUrl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Each {@code -X}, a value of several lines (the environment variable's) taken a line a setting. */
    private List<String> settingsGiven() {
        List<String> settings = new ArrayList<>();
        for (String given : overrides) {
            given.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(settings::add);
        }
        return settings;
    }
}
