package org.kleline.ledger.cli.ingest;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.kafka.ExternalKafkaOptions;
import org.kleline.ledger.cli.lifecycle.HttpPort;
import org.kleline.ledger.cli.lifecycle.Services;
import org.kleline.ledger.cli.lifecycle.ShutdownHook;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.outcome.OutcomeLookup;
import org.kleline.ledger.ingest.run.IngestRuntime;
import org.kleline.ledger.model.topics.Topics;
import org.kleline.ledger.web.server.LedgerHttpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger ingest}: the writes of the HTTP API only, against an external Kafka and registry. */
@Command(name = "ingest",
        description = {"Serve the writes of the HTTP API (every POST) against an external Kafka and schema registry.",
                "Stateless: run as many as you like behind a load balancer. The topics must exist (a node creates "
                        + "them). Without a query side in this process, a retried Idempotency-Key is still never "
                        + "applied twice (the projector marks it DUPLICATE), and settle answers 503: settle "
                        + "through `ledger run`."})
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ExternalKafkaOptions kafka;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--allow-import",
            description = "Let NDJSON lines of POST /v1/events carry their own occurredAt (the admin import). "
                    + "Off by default: clients must not choose the time of their events.")
    boolean allowImport;

    @Override
    public Integer call() throws InterruptedException {
        ClientProperties clients = kafka.clientProperties();
        int httpPort = HttpPort.settle(port);
        PrintWriter out = spec.commandLine().getOut();
        Services services = new Services();
        try {
            Topics topics = Topics.create(clients.asClientMap());
            IngestRuntime ingest = services.add("ingest", IngestRuntime.start(clients.asClientMap(), topics,
                    IngestConfig.defaults().withImportEnabled(allowImport), OutcomeLookup.none(), Optional.empty(),
                    Clock.systemUTC()));
            LedgerHttpServer http = services.add("HTTP server",
                    LedgerHttpServer.create(httpPort, List.of(ingest.routes())).start());
            out.printf("Kleline Ledger ingest%n  HTTP API (writes)  http://localhost:%d%n  Kafka              %s%n"
                    + "  Schema registry    %s%n", http.port(), clients.bootstrapServers(), clients.schemaRegistryUrl());
            out.flush();
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        ShutdownHook hook = ShutdownHook.install(services, out);
        hook.awaitStopped();
        return 0;
    }
}
