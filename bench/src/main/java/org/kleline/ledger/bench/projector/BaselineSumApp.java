package org.kleline.ledger.bench.projector;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.model.topics.Topics;

/**
 * The baseline: the least a Streams application reading ledger.events can do under the same
 * guarantee: deserialize each event and add its amount into one persistent store keyed by the
 * record key. {@code BaselineSumApp <file.properties>}.
 */
public final class BaselineSumApp {

    private BaselineSumApp() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            props.load(in);
        }
        Map<String, Object> serdeConfig = new HashMap<>();
        props.forEach((k, v) -> serdeConfig.put(k.toString(), v));
        Topics topics = Topics.create(serdeConfig);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(
                        Topics.EVENTS,
                        Consumed.with(Serdes.String(), topics.events().valueSerde()))
                .mapValues(BaselineSumApp::amount)
                .groupByKey(Grouped.with(Serdes.String(), Serdes.Long()))
                .reduce(
                        Long::sum,
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("sums")
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Serdes.Long()));
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        KafkaStreams streams = new KafkaStreams(builder.build(props), props);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close();
            stopped.countDown();
        }));
        streams.start();
        stopped.await();
    }

    static long amount(EventEnvelope event) {
        Object p = event.getPayload();
        if (p instanceof MicropaymentRequested m) {
            return m.getAmount();
        }
        if (p instanceof CardPaymentCaptured c) {
            return c.getAmount();
        }
        if (p instanceof WalletToppedUp w) {
            return w.getAmount();
        }
        return 0L;
    }
}
