package org.kleline.ledger.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.internals.Exit;
import org.junit.jupiter.api.Test;

class KafkaExitGuardTest {

    @Test
    void kafkasExitAndHaltThrowInsteadOfStoppingTheJvmAndAreHeardByListeners() {
        KafkaExitGuard.install();
        List<EmbeddedKafkaHaltedException> heard = new CopyOnWriteArrayList<>();
        Consumer<EmbeddedKafkaHaltedException> listener = heard::add;
        KafkaExitGuard.addListener(listener);
        try {
            assertThatThrownBy(() -> Exit.halt(1, "log directory failed"))
                    .isInstanceOfSatisfying(EmbeddedKafkaHaltedException.class, e -> {
                        assertThat(e.procedure()).isEqualTo("halt");
                        assertThat(e.statusCode()).isEqualTo(1);
                        assertThat(e.getMessage()).contains("log directory failed");
                    });
            assertThatThrownBy(() -> Exit.exit(3))
                    .isInstanceOfSatisfying(
                            EmbeddedKafkaHaltedException.class,
                            e -> assertThat(e.procedure()).isEqualTo("exit"));
        } finally {
            KafkaExitGuard.removeListener(listener);
        }

        assertThat(heard).extracting(EmbeddedKafkaHaltedException::procedure).containsExactly("halt", "exit");
    }
}
