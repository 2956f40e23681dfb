package org.kleline.ledger.cli.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.cli.ingest.LedgerIngest;
import org.kleline.ledger.cli.ingest.QueryOverHttp;
import org.kleline.ledger.cli.kafka.ClientProperties;
import org.kleline.ledger.cli.keys.ServerAccess;
import org.kleline.ledger.cli.node.LedgerNode;
import org.kleline.ledger.cli.run.LedgerClient;
import org.kleline.ledger.cli.run.RoleMatrix;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.model.tls.TestCertificates;
import org.kleline.ledger.web.auth.ClusterSecret;
import org.kleline.ledger.web.auth.KafkaApiKeys;
import org.kleline.ledger.web.tls.ServerTls;

/**
 * The table of {@link RoleMatrix} on the split roles, over HTTPS: a {@code ledger node} answering the reads and
 * an {@code ledger ingest} answering the writes (its query side the node, over HTTPS with the cluster secret),
 * each route asked of every server that serves it. The keys are made and revoked through ingest, so the node
 * refusing the revoked key is a revocation seen by a second process within {@link KafkaApiKeys#PROPAGATION_BOUND}.
 */
class SplitRoleMatrixIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final ClusterSecret SECRET = ClusterSecret.of("split-role-matrix-cluster-secret");

    @TempDir
    static Path dir;

    private static LedgerNode node;
    private static LedgerIngest ingest;
    private static LedgerClient nodeAdmin;
    private static LedgerClient ingestAdmin;
    private static RoleMatrix matrix;

    @BeforeAll
    static void start() {
        TestCertificates certificates = TestCertificates.selfSigned(dir.resolve("tls"));
        ServerTls tls = ServerTls.fromPem(certificates.certificatePem(), certificates.privateKeyPem());
        SSLContext trusting = ServerTls.clientTrusting(Optional.of(certificates.certificatePem()));
        ClientProperties clients = SplitRoleStart.clients(KAFKA);
        node = SplitRoleStart.node(
                clients,
                dir.resolve("state"),
                new ServerAccess(
                        "127.0.0.1",
                        SECRET,
                        Optional.of(dir.resolve("admin.key")),
                        Optional.of(tls),
                        Optional.of(certificates.certificatePem())));
        String adminKey = node.adminKey().orElseThrow().secret();
        ingest = LedgerIngest.start(
                clients,
                0,
                false,
                Optional.of(new QueryOverHttp(URI.create("https://localhost:" + node.port()), SECRET, trusting)),
                new ServerAccess(
                        "127.0.0.1",
                        SECRET,
                        Optional.empty(),
                        Optional.of(tls),
                        Optional.of(certificates.certificatePem())));
        nodeAdmin = new LedgerClient(URI.create("https://localhost:" + node.port()), adminKey, Optional.of(trusting));
        ingestAdmin =
                new LedgerClient(URI.create("https://localhost:" + ingest.port()), adminKey, Optional.of(trusting));
        matrix = RoleMatrix.prepare(ingestAdmin, nodeAdmin, SplitRoleStart.PARIS, KafkaApiKeys.PROPAGATION_BOUND);
    }

    @AfterAll
    static void stop() {
        try {
            if (ingest != null) {
                ingest.close();
            }
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheTableSaysOnEveryServerThatServesIt() {
        matrix.assertEveryCell(SplitRoleMatrixIT::serversOf);
    }

    @Test
    void aRouteOfTheOtherRoleIsNotServedAndPlainHttpGetsNoAnswer() {
        assertThat(nodeAdmin
                        .post("/v1/wallets", "{}", "Content-Type", "application/json")
                        .status())
                .isEqualTo(404);
        assertThat(ingestAdmin.get("/v1/trial-balance").status()).isEqualTo(404);
        for (int port : new int[] {node.port(), ingest.port()}) {
            LedgerClient plain = new LedgerClient(URI.create("http://localhost:" + port), null);
            int status;
            try {
                status = plain.get("/health/live").status();
            } catch (UncheckedIOException noHttpAnswer) {
                status = -1;
            }
            assertThat(status).as("plain HTTP to port " + port).isNotEqualTo(200);
        }
    }

    /** Writes and key changes on ingest, reads and the dashboard on the node; what both serve (key lists, health, metrics) on both. */
    private static List<LedgerClient> serversOf(String method, String path) {
        if (path.startsWith("/v1/api-keys")) {
            return method.equals("GET") ? List.of(ingestAdmin, nodeAdmin) : List.of(ingestAdmin);
        }
        if (path.equals("/v1/outcomes/lookup") || path.startsWith("/internal/") || path.startsWith("/dashboard")) {
            return List.of(nodeAdmin);
        }
        if (path.startsWith("/v1/")) {
            return method.equals("POST") ? List.of(ingestAdmin) : List.of(nodeAdmin);
        }
        return List.of(ingestAdmin, nodeAdmin);
    }
}
