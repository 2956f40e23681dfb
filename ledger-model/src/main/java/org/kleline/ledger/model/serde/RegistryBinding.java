package org.kleline.ledger.model.serde;

import org.apache.kafka.common.config.ConfigException;

/**
 * Where a serde gets its registry client: the one handed to its constructor (shared, e.g. by every
 * serde of {@link org.kleline.ledger.model.topics.Topics}) or one built from the configuration
 * Kafka passes to {@code configure} (the no-argument constructors Kafka instantiates by class name).
 */
final class RegistryBinding {

    private RegistryBinding() {}

    static SchemaRegistryClient resolve(SchemaRegistryClient injected, AvroSerdeConfig config) {
        return injected != null ? injected : SchemaRegistryClients.create(config);
    }

    static <T> T requireConfigured(T configured, Class<?> serdeClass) {
        if (configured == null) {
            throw new IllegalStateException(serdeClass.getSimpleName()
                    + " is not configured: call configure(configs, isKey) with " + AvroSerdeConfig.SCHEMA_REGISTRY_URL
                    + " first (Kafka does so for serdes it makes from class names)");
        }
        return configured;
    }

    static void requireSpecificReader(AvroSerdeConfig config, Class<?> serdeClass) {
        if (!config.specificAvroReader()) {
            throw new ConfigException(
                    AvroSerdeConfig.SPECIFIC_AVRO_READER,
                    false,
                    serdeClass.getSimpleName()
                            + " always returns generated classes; use GenericAvroDeserializer to get GenericRecord");
        }
    }
}
