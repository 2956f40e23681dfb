package org.kleline.ledger.model.serde;

import java.util.Map;
import java.util.function.BiFunction;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the Avro serializers share: the registry client (given, or built by {@link #configure} from
 * {@code schema.registry.url}) and the {@link WireWriter} that writes through it with the
 * subclass's datum writers.
 */
abstract class RegistrySerializer<T> implements Serializer<T> {

    private final SchemaRegistryClient injectedRegistry;
    private final BiFunction<Object, Schema, DatumWriter<Object>> writerFactory;
    private volatile WireWriter wire;

    /** @param injectedRegistry a shared client, or null to build one from the configuration */
    RegistrySerializer(
            SchemaRegistryClient injectedRegistry, BiFunction<Object, Schema, DatumWriter<Object>> writerFactory) {
        this.injectedRegistry = injectedRegistry;
        this.writerFactory = writerFactory;
    }

    /** The shared client this serializer was given, or null when {@link #configure} builds one. */
    final SchemaRegistryClient injectedRegistry() {
        return injectedRegistry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        configure(config, isKey, RegistryBinding.resolve(injectedRegistry, config));
    }

    void configure(AvroSerdeConfig config, boolean isKey, SchemaRegistryClient registry) {
        wire = new WireWriter(registry, config, isKey, writerFactory);
    }

    /** The writer; {@link IllegalStateException} before {@link #configure}. */
    final WireWriter wire() {
        return RegistryBinding.requireConfigured(wire, getClass());
    }
}
