package org.kleline.ledger.projector.it;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Holds the merchant directory's reader back, deterministically: installed on every consumer of a
 * projector ({@code consumer.interceptor.classes}), it acts only on the directory's own consumer
 * (client id ending in {@code -merchant-directory}). A poll that returns the record of the held key
 * blocks, before the directory applies it or raises a watermark, until the test releases it, so
 * the directory stays behind that record for as long as the test wants.
 */
public final class HeldDirectoryInterceptor implements ConsumerInterceptor<byte[], byte[]> {

    /** Bounds a hold that a failed test never released. */
    private static final long HOLD_BOUND_SECONDS = 180;

    private static volatile byte[] heldKey;
    private static volatile CountDownLatch release = new CountDownLatch(0);
    private static volatile CountDownLatch holding = new CountDownLatch(1);

    private boolean directory;

    /** The next poll of the directory that returns {@code key} blocks until {@link #release()}. */
    static void holdAt(String key) {
        holding = new CountDownLatch(1);
        release = new CountDownLatch(1);
        heldKey = key.getBytes(StandardCharsets.UTF_8);
    }

    static boolean isHolding() {
        return holding.getCount() == 0;
    }

    static void release() {
        heldKey = null;
        release.countDown();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object clientId = configs.get(ConsumerConfig.CLIENT_ID_CONFIG);
        directory = clientId != null && clientId.toString().endsWith("-merchant-directory");
    }

    @Override
    public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
        byte[] key = heldKey;
        if (!directory || key == null) {
            return records;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (Arrays.equals(record.key(), key)) {
                holding.countDown();
                awaitRelease();
                break;
            }
        }
        return records;
    }

    private static void awaitRelease() {
        try {
            if (!release.await(HOLD_BOUND_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "the merchant directory was held for " + HOLD_BOUND_SECONDS + " s and never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

    @Override
    public void close() {}
}
