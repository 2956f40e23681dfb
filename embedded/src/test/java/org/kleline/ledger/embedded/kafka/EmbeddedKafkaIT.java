package org.kleline.ledger.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.ports.LoopbackPorts;
import org.kleline.ledger.embedded.ports.PortsFile;

/** One broker at a time: each test starts and closes its own. */
class EmbeddedKafkaIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDirectory;

    @Test
    void aReadCommittedConsumerSeesCommittedTransactionsOnlyOnOneNode() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDirectory)) {
            String bootstrap = kafka.bootstrapServers();
            try (KafkaProducer<String, String> producer =
                    KafkaClients.transactionalProducer(bootstrap, "tx-round-trip")) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("payments", "p1", "authorized"));
                producer.send(new ProducerRecord<>("payments", "p1", "captured"));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("payments", "p2", "never-committed"));
                producer.flush();
                producer.abortTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("payments", "p3", "refunded"));
                producer.commitTransaction();
            }

            List<String> seen = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = KafkaClients.readCommittedConsumer(bootstrap, "readers")) {
                consumer.subscribe(List.of("payments"));
                await().atMost(TIMEOUT).until(() -> {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        seen.add(record.value());
                    }
                    return seen.size() >= 3;
                });
                consumer.commitSync();
            }

            assertThat(seen).containsExactly("authorized", "captured", "refunded");
        }
    }

    @Test
    void aRestartOnTheSameDirectoryKeepsTheAddressAndTheData() {
        String firstAddress;
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDirectory)) {
            firstAddress = kafka.bootstrapServers();
            clusterId = kafka.clusterId();
            KafkaClients.produceCommitted(firstAddress, "journal", "before-restart", List.of("entry-1", "entry-2"));
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDirectory)) {
            assertThat(kafka.bootstrapServers()).isEqualTo(firstAddress);
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            KafkaClients.produceCommitted(kafka.bootstrapServers(), "journal", "after-restart", List.of("entry-3"));

            assertThat(KafkaClients.readAllCommitted(kafka.bootstrapServers(), "journal", TIMEOUT))
                    .containsExactly("entry-1", "entry-2", "entry-3");
        }
    }

    @Test
    void theFirstStartFormatsTheDirectoryAndRemembersBothPorts() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDirectory)) {
            PortsFile ports = new PortsFile(dataDirectory);

            assertThat(Files.exists(dataDirectory.resolve("kafka").resolve("meta.properties")))
                    .isTrue();
            assertThat(kafka.bootstrapServers())
                    .isEqualTo("127.0.0.1:"
                            + ports.remembered(EmbeddedKafka.BROKER_PORT_KEY).orElseThrow());
            assertThat(ports.remembered(EmbeddedKafka.CONTROLLER_PORT_KEY)).isPresent();
            assertThat(kafka.fatalError()).isEmpty();
        }
    }

    @Test
    void aRememberedPortTakenByAnotherProcessFailsTheStartNamingThePort() throws IOException {
        String firstAddress;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDirectory)) {
            firstAddress = kafka.bootstrapServers();
        }
        int brokerPort = new PortsFile(dataDirectory)
                .remembered(EmbeddedKafka.BROKER_PORT_KEY)
                .orElseThrow();
        assertThat(firstAddress).isEqualTo("127.0.0.1:" + brokerPort);
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(LoopbackPorts.address(), brokerPort));

            assertThatThrownBy(() -> EmbeddedKafka.start(dataDirectory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Kafka broker port " + brokerPort)
                    .hasMessageContaining(PortsFile.FILE_NAME);
        }
    }

    @Test
    void closeIsIdempotentAndReleasesTheDirectory() {
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDirectory);
        kafka.close();
        kafka.close();

        try (EmbeddedKafka again = EmbeddedKafka.start(dataDirectory)) {
            assertThat(again.bootstrapServers()).isEqualTo(kafka.bootstrapServers());
        }
    }
}
