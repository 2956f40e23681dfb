package org.kleline.ledger.model.topics;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The one recipe for a plain consumer of the ledger's topics: a consumer that assigns its partitions
 * itself, outside any group, and commits nothing (the merchant directory, {@code ledger verify}, the
 * cross-key stamp of a tool). From the caller's client settings it keeps only the keys a consumer
 * knows (a registry's own keys would each be logged as unknown), drops the group ({@code group.id},
 * a static {@code group.instance.id}) and the deserializers (the caller passes its own), and forces
 * four settings over the caller's: {@code read_committed} (what the projector sees under
 * exactly-once), no auto commit, {@code earliest} on a position out of range, and no topic created
 * because it was asked for (a reader must not give a broker that creates topics on demand a ledger
 * topic of its default shape).
 */
public final class PlainConsumers {

    private PlainConsumers() {}

    /** A plain {@code read_committed} consumer's settings from {@code clientSettings}, named {@code clientId}. */
    public static Map<String, Object> readCommitted(Map<String, ?> clientSettings, String clientId) {
        Set<String> known = ConsumerConfig.configNames();
        Map<String, Object> c = new HashMap<>();
        clientSettings.forEach((key, value) -> {
            if (known.contains(key)) {
                c.put(key, value);
            }
        });
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        c.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        c.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return c;
    }
}
