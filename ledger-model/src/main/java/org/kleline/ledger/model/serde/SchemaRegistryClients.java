package org.kleline.ledger.model.serde;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds the {@link SchemaRegistryClient} a configuration names: {@code mock://<scope>} gives the
 * scope's {@link InMemorySchemaRegistry}, {@code http(s)://} URLs an {@link HttpSchemaRegistryClient}.
 */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {}

    /** The client of a Kafka client configuration's {@code schema.registry.url} and timeouts. */
    public static SchemaRegistryClient create(Map<String, ?> configs) {
        return create(AvroSerdeConfig.from(configs));
    }

    /** The client of a parsed serde configuration. */
    public static SchemaRegistryClient create(AvroSerdeConfig config) {
        List<String> urls = config.requireRegistryUrls();
        boolean anyMock = urls.stream().anyMatch(url -> url.startsWith(InMemorySchemaRegistry.URL_PREFIX));
        if (anyMock) {
            if (urls.size() != 1) {
                throw new ConfigException(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        String.join(",", urls),
                        "a mock:// URL must be the only one");
            }
            return InMemorySchemaRegistry.forUrl(urls.get(0));
        }
        try {
            return HttpSchemaRegistryClient.create(config);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, String.join(",", urls), e.getMessage());
        }
    }
}
