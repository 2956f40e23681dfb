package org.kleline.ledger.model.serde;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What the Avro deserializers share: the registry client, given or built by {@link #configure} from {@code
 * schema.registry.url}; the subclass makes its reader with it.
 */
abstract class RegistryDeserializer<T> implements Deserializer<T> {

    private final SchemaRegistryClient injectedRegistry;

    /** @param injectedRegistry a shared client, or null to build one from the configuration */
    RegistryDeserializer(SchemaRegistryClient injectedRegistry) {
        this.injectedRegistry = injectedRegistry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        configure(config, RegistryBinding.resolve(injectedRegistry, config));
    }

    abstract void configure(AvroSerdeConfig config, SchemaRegistryClient registry);
}
