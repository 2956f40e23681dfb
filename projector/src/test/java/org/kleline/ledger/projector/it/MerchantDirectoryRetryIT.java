package org.kleline.ledger.projector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.outcomes.Outcome;
import org.kleline.ledger.projector.Projector;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.topics.ProjectorTopics;
import org.kleline.ledger.projector.topology.TestEvents;

/**
 * A micropayment looked up while the merchant directory is held behind its merchant's onboarding:
 * not decided (no outcome is committed) but retried on a replaced stream thread, and ACCEPTED once
 * the directory has read the onboarding. The events are stamped with the wall clock, as ingest
 * stamps them, so that the payment's time is one a caught-up directory would have reached.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class MerchantDirectoryRetryIT {

    private static final Duration DEADLINE = Duration.ofSeconds(150);

    @TempDir
    Path stateDir;

    @Test
    void aPaymentSeenWhileTheDirectoryIsBehindIsNotDecidedThenAcceptedAfterAThreadReplacement(
            EmbeddedLedgerInfrastructure infra) {
        BrokerFixture broker = new BrokerFixture(infra);
        String merchantKey = ProjectorIT.keyOnPartition("merchant:", "held-m", 0);
        String merchant = merchantKey.substring("merchant:".length());
        String wallet = ProjectorIT.keyOnPartition("wallet:", "held-w", 1).substring("wallet:".length());

        Properties props = broker.projectorProps("directory-retry-it", stateDir);
        props.put(ProjectorSettings.MERCHANT_WAIT_TIMEOUT_MS, "1000");
        props.put("consumer." + ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, HeldDirectoryInterceptor.class.getName());
        long t = System.currentTimeMillis();
        broker.append(List.of(
                TestEvents.openWallet("held-open", wallet, "EUR", 15_000, t),
                TestEvents.topUp("held-top", wallet, 5_000, t + 1)));

        try (Projector projector = new Projector(props)) {
            projector.start();
            assertThat(broker.readAll(
                            ProjectorTopics.OUTCOMES, broker.serdes.outcomes().deserializer(), 2))
                    .extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("held-open", "held-top");
            try {
                HeldDirectoryInterceptor.holdAt(merchantKey);
                broker.append(List.of(TestEvents.onboard(
                        "held-on", merchant, "EUR", null, TestEvents.PLAN, System.currentTimeMillis())));
                await().atMost(DEADLINE).until(HeldDirectoryInterceptor::isHolding);
                // Stamped after the onboarding was appended: a directory that kept up would have read it by then.
                broker.append(
                        List.of(TestEvents.micro("held-pay", wallet, merchant, 1_000, System.currentTimeMillis())));

                await().atMost(DEADLINE).until(() -> projector.metrics().merchantDirectoryRetries() >= 1);
                // The onboarding's outcome may or may not be committed yet (the same thread decides it and may
                // abort it with the payment's transaction); the payment's must not be.
                List<ConsumerRecord<String, EventOutcome>> whileHeld = broker.readAll(
                        ProjectorTopics.OUTCOMES, broker.serdes.outcomes().deserializer(), 2);
                assertThat(whileHeld)
                        .extracting(ConsumerRecord::key)
                        .contains("held-open", "held-top")
                        .doesNotContain("held-pay");
            } finally {
                HeldDirectoryInterceptor.release();
            }

            List<ConsumerRecord<String, EventOutcome>> outcomes = broker.readAll(
                    ProjectorTopics.OUTCOMES, broker.serdes.outcomes().deserializer(), 4);
            assertThat(outcomes)
                    .filteredOn(r -> r.key().equals("held-pay"))
                    .extracting(r -> r.value().getOutcome())
                    .containsExactly(Outcome.ACCEPTED);
            assertThat(outcomes).hasSize(4);
            // Every wait that timed out is counted; none was decided: each failed and the event was decided again.
            assertThat(projector.metrics().merchantWaitTimeouts())
                    .isGreaterThanOrEqualTo(projector.metrics().merchantDirectoryRetries());
            assertThat(projector.streams().state().isRunningOrRebalancing()).isTrue();
        }
    }
}
