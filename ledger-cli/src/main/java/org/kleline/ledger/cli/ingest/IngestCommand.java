package org.kleline.ledger.cli.ingest;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.kafka.ExternalKafkaOptions;
import org.kleline.ledger.cli.keys.ServerAccess;
import org.kleline.ledger.cli.keys.ServerAccessOptions;
import org.kleline.ledger.cli.lifecycle.HostName;
import org.kleline.ledger.cli.lifecycle.HttpPort;
import org.kleline.ledger.cli.lifecycle.ShutdownHook;
import org.kleline.ledger.cli.topics.TopicDurability;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.ingest.run.IngestInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ledger ingest}: the writes of the HTTP API only, against an external Kafka and registry. */
@Command(
        name = "ingest",
        description = {
            "Serve the writes of the HTTP API (every POST) against an external Kafka and schema registry.",
            "Stateless: run as many as you like behind a load balancer. The topics must exist (a node creates "
                    + "them).",
            "Give --query-url (a node's HTTP API) so that a retried Idempotency-Key is answered its first "
                    + "outcome without appending, and settle can read the settlement rows. Without it a retry "
                    + "is still never applied twice (the projector marks it DUPLICATE), and settle answers 503.",
            ""
        })
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ExternalKafkaOptions kafka;

    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "PORT",
            description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--allow-import",
            description = "Let NDJSON lines of POST /v1/events carry their own occurredAt (the admin import). "
                    + "Off by default: clients must not choose the time of their events.")
    boolean allowImport;

    @Mixin
    ImportWindowOption importWindow;

    @Mixin
    ServerAccessOptions access;

    @Option(
            names = "--instance-id",
            paramLabel = "ID",
            description = {
                "This ingest among the others (letters, digits, '.', '_', '-'): its bulk producers' "
                        + "transactional.id is ledger-ingest-ID-n, so a restart with the same ID fences (aborts at once) "
                        + "the transaction a crash left open, which readers of the log would otherwise wait behind. "
                        + "Keep it across restarts and unique among the ingests running: two with one ID fence each "
                        + "other's bulk appends. Default: this machine's host name and --port, HOST-PORT."
            })
    String instanceId;

    @Option(
            names = "--replication",
            defaultValue = "" + TopicDurability.SAFE_REPLICATION,
            paramLabel = "N",
            description = "The replication factor the ledger topics are expected to have (default ${DEFAULT-VALUE}): "
                    + "a topic with fewer replicas is warned about at start, unless N says as few (1 on a one-broker "
                    + "cluster).")
    short replication;

    @Option(
            names = "--query-url",
            paramLabel = "URL",
            description = "The HTTP API of a `ledger node` (or a load balancer over the nodes), for first outcomes "
                    + "and settlement rows, e.g. http://node-1:8080.")
    URI queryUrl;

    @Override
    public Integer call() throws InterruptedException {
        ClientProperties clients = kafka.clientProperties();
        Optional<QueryOverHttp> query;
        ServerAccess serverAccess;
        IngestSettings settings;
        IngestConfig config;
        LedgerIngest ingest;
        // Held from here until the server binds it; given back if the start fails before.
        try (HttpPort httpPort = HttpPort.reserve(port)) {
            try {
                config = IngestConfig.defaults().withImportEnabled(allowImport).withImportWindow(importWindow.window());
                serverAccess = access.settings();
                query = Optional.ofNullable(queryUrl)
                        .map(url -> new QueryOverHttp(url, serverAccess.clusterSecret(), serverAccess.clientTls()));
                String id = instanceId != null && !instanceId.isBlank()
                        ? instanceId.strip()
                        : InstanceIds.ofHost(HostName.ofThisMachine("--instance-id"), httpPort.number());
                settings = new IngestSettings(allowImport, instanceId(id), replication);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            ingest = LedgerIngest.start(clients, httpPort, settings, config, query, serverAccess);
        }
        PrintWriter out = spec.commandLine().getOut();
        ShutdownHook hook = ShutdownHook.install(ingest.services(), out);
        out.printf(
                "Kleline Ledger ingest is running.%n  HTTP API (writes)  %s://localhost:%d%n"
                        + "  Kafka              %s%n  Schema registry    %s%n  Query API          %s%n"
                        + "  Instance id        %s   (transactional.id ledger-ingest-%s-n)%n",
                serverAccess.scheme(),
                ingest.port(),
                clients.bootstrapServers(),
                clients.schemaRegistryUrl(),
                queryUrl == null ? "none (settle answers 503)" : queryUrl,
                settings.instanceId(),
                settings.instanceId());
        out.flush();
        hook.awaitStopped();
        return 0;
    }

    private static String instanceId(String id) {
        try {
            return IngestInstance.checkedId(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--instance-id: " + e.getMessage(), e);
        }
    }
}
