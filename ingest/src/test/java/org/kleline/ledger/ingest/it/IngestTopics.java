package org.kleline.ledger.ingest.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.kleline.ledger.model.topics.Topics;

/** What ingest needs of a test broker: its client settings, and its two topics created before it starts. */
final class IngestTopics {

    private IngestTopics() {}

    /** The client settings {@code IngestRuntime} takes; a test may add overrides to the map. */
    static Map<String, Object> clients(String bootstrapServers, String schemaRegistryUrl) {
        Map<String, Object> clients = new HashMap<>();
        clients.put("bootstrap.servers", bootstrapServers);
        clients.put("schema.registry.url", schemaRegistryUrl);
        return clients;
    }

    /** Creates ledger.events and ledger.outcomes, {@code partitions} each, one replica. */
    static void create(String bootstrapServers, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(
                            new NewTopic(Topics.EVENTS, partitions, (short) 1),
                            new NewTopic(Topics.OUTCOMES, partitions, (short) 1)))
                    .all()
                    .get();
        }
    }
}
