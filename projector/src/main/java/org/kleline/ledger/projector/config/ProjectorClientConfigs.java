package org.kleline.ledger.projector.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.kleline.ledger.model.topics.PlainConsumers;

/**
 * The settings of every Kafka client the projector makes beside Streams' own (the topic admin, the
 * merchant directory's consumer, the catch-up barrier's admin and probe consumers), derived from
 * the projector's Streams config the way Streams derives its own clients' settings: every key the
 * client knows ({@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*}, {@code ssl.*},
 * {@code client.dns.lookup}, ...), then the client-prefixed keys ({@code admin.*}, {@code consumer.*})
 * over them. So a setting given once (a {@code -X}, a {@code --client-config} file) reaches every
 * client of the process, and a cluster that requires authentication sees it on each connection.
 */
public final class ProjectorClientConfigs {

    private final Map<String, Object> streamsConfig;

    /** @param streamsConfig the projector's Streams config (the caller's properties with the defaults) */
    public ProjectorClientConfigs(Properties streamsConfig) {
        Map<String, Object> copy = new HashMap<>();
        streamsConfig.forEach((k, v) -> copy.put(k.toString(), v));
        this.streamsConfig = Map.copyOf(copy);
    }

    /** An admin client's settings, with its own {@code client.id}. */
    public Map<String, Object> admin(String clientId) {
        Map<String, Object> c = layered(AdminClientConfig.configNames(), StreamsConfig.ADMIN_CLIENT_PREFIX);
        c.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return c;
    }

    /**
     * A plain consumer's settings ({@link PlainConsumers#readCommitted}: no group, {@code read_committed},
     * nothing committed), from the consumer keys of the Streams config with the {@code consumer.}-prefixed
     * ones over them.
     */
    public Map<String, Object> plainConsumer(String clientId) {
        return PlainConsumers.readCommitted(
                layered(ConsumerConfig.configNames(), StreamsConfig.CONSUMER_PREFIX), clientId);
    }

    private Map<String, Object> layered(Set<String> known, String prefix) {
        Map<String, Object> c = new HashMap<>();
        streamsConfig.forEach((key, value) -> {
            if (known.contains(key)) {
                c.put(key, value);
            }
        });
        streamsConfig.forEach((key, value) -> {
            if (key.startsWith(prefix) && known.contains(key.substring(prefix.length()))) {
                c.put(key.substring(prefix.length()), value);
            }
        });
        return c;
    }
}
