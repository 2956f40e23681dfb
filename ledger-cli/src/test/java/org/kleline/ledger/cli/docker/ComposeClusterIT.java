package org.kleline.ledger.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@code docker/compose.cluster.yml} brought up whole where a Docker engine is reachable (the image built from
 * {@code docker/Dockerfile} and ledger-cli's jar, which the package phase has made): three brokers, the registry,
 * two nodes, two ingests and the proxy. Writes through the proxy reach an ingest, reads a node; a broker stopped,
 * the writes go on (replication 3, min.insync.replicas 2). Reported skipped where there is no engine, as on the
 * build machines: nothing here has run on them.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeClusterIT {

    private static final int PROXY_PORT = 8080;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Container
    private static final ComposeContainer CLUSTER = new ComposeContainer(new File(Path.of("")
                    .toAbsolutePath()
                    .getParent()
                    .resolve("docker/compose.cluster.yml")
                    .toString()))
            .withBuild(true)
            .withEnv("LEDGER_CLUSTER_SECRET", "compose-it-" + UUID.randomUUID())
            .withRemoveVolumes(true)
            .withExposedService(
                    "proxy",
                    PROXY_PORT,
                    Wait.forHttp("/health/ready").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(10)));

    @Test
    void writesGoToAnIngestReadsToANodeAndABrokerMayBeLost() throws Exception {
        String key = adminKey();
        assertThat(write(key, "/v1/wallets", "{\"walletId\":\"w-compose\",\"currency\":\"EUR\"}", "compose-open"))
                .contains("\"ACCEPTED\"");
        assertThat(write(key, "/v1/wallets/w-compose/top-ups", "{\"amount\":1500}", "compose-topup-1"))
                .contains("\"ACCEPTED\"");

        // One broker of three gone: two replicas still acknowledge (min.insync.replicas 2).
        ContainerState broker = CLUSTER.getContainerByServiceName("kafka-3").orElseThrow();
        broker.getDockerClient().stopContainerCmd(broker.getContainerId()).exec();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(() -> write(key, "/v1/wallets/w-compose/top-ups", "{\"amount\":500}", "compose-topup-2")
                        .contains("\"ACCEPTED\""));

        await().atMost(Duration.ofMinutes(1))
                .until(() -> get(key, "/v1/accounts/wallet:w-compose/balances").contains("\"balance\":2000"));
    }

    /** The first admin key, which node-1 made on its first start (LEDGER_ADMIN_KEY_FILE). */
    private static String adminKey() throws Exception {
        ContainerState node = CLUSTER.getContainerByServiceName("node-1").orElseThrow();
        return node.execInContainer("cat", "/var/lib/ledger/admin.key")
                .getStdout()
                .strip();
    }

    private static String write(String key, String path, String body, String idempotencyKey) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(url(path))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", idempotencyKey)
                                .header("Prefer", "wait=10")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String get(String key, String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(url(path))
                                .header("Authorization", "Bearer " + key)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static URI url(String path) {
        return URI.create("http://" + CLUSTER.getServiceHost("proxy", PROXY_PORT) + ":"
                + CLUSTER.getServicePort("proxy", PROXY_PORT) + path);
    }
}
