package org.kleline.ledger.embedded.kafka;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.internals.Exit;

/**
 * Replaces Kafka's exit and halt procedures, which default to System.exit and Runtime.halt,
 * with ones that throw. Kafka routes every such call (fatal fault handlers, log directory
 * failures, command line tools) through {@link Exit}, so the host JVM is never stopped by the
 * broker. Listeners hear of every call, so a call on a broker thread, where the exception only
 * ends that thread, still reaches the broker that owns it. A call names no broker: with two
 * brokers in one JVM (not a supported set-up), both would take it as theirs.
 */
final class KafkaExitGuard {

    private static final List<Consumer<EmbeddedKafkaHaltedException>> LISTENERS = new CopyOnWriteArrayList<>();
    private static boolean installed;

    private KafkaExitGuard() {}

    static synchronized void install() {
        if (installed) {
            return;
        }
        Exit.setExitProcedure((statusCode, message) -> refuse("exit", statusCode, message));
        Exit.setHaltProcedure((statusCode, message) -> refuse("halt", statusCode, message));
        installed = true;
    }

    static void addListener(Consumer<EmbeddedKafkaHaltedException> listener) {
        LISTENERS.add(listener);
    }

    static void removeListener(Consumer<EmbeddedKafkaHaltedException> listener) {
        LISTENERS.remove(listener);
    }

    private static void refuse(String procedure, int statusCode, String message) {
        EmbeddedKafkaHaltedException refusal = new EmbeddedKafkaHaltedException(procedure, statusCode, message);
        for (Consumer<EmbeddedKafkaHaltedException> listener : LISTENERS) {
            listener.accept(refusal);
        }
        throw refusal;
    }
}
