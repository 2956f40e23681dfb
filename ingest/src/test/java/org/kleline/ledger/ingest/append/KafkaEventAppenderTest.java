package org.kleline.ledger.ingest.append;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.web.problem.UnavailableException;

/** The appender answers only after the broker acknowledged, and turns every failure into a 503-to-be. */
class KafkaEventAppenderTest {

    private static final String TOPIC = "ledger.events";
    private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123Z");
    private static final Serializer<EventEnvelope> AVRO = (topic, envelope) -> {
        try {
            return envelope.toByteBuffer().array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private final MockProducer<String, EventEnvelope> single =
            new MockProducer<>(false, null, new StringSerializer(), AVRO);
    private final List<MockProducer<String, EventEnvelope>> bulkProducers = new CopyOnWriteArrayList<>();
    private final FixedLogEnds logEnds = new FixedLogEnds(List.of(7L, 0L, 3L));
    private final KafkaEventAppender appender = new KafkaEventAppender(
            TOPIC,
            single,
            new TransactionalAppends(
                    TOPIC,
                    1,
                    slot -> {
                        MockProducer<String, EventEnvelope> producer =
                                new MockProducer<>(true, null, new StringSerializer(), AVRO);
                        bulkProducers.add(producer);
                        return producer;
                    },
                    logEnds),
            logEnds,
            10_000);

    @AfterEach
    void close() {
        appender.close();
    }

    private static KeyedEvent topUp(String eventId, long amount) {
        return new KeyedEvent(
                "wallet:w-1", new EventEnvelope(eventId, AT, new WalletToppedUp("w-1", amount), null, null));
    }

    @Test
    void appendCompletesOnlyOnceTheBrokerAcknowledges() throws Exception {
        CompletableFuture<Void> acked = appender.append(topUp("e-1", 100));
        assertThat(acked).isNotDone();
        single.completeNext();
        acked.get(5, TimeUnit.SECONDS);
        assertThat(single.history())
                .containsExactly(new ProducerRecord<>(
                        TOPIC, "wallet:w-1", topUp("e-1", 100).envelope()));
    }

    @Test
    void failedSendIsUnavailableNamingTheEvent() {
        CompletableFuture<Void> acked = appender.append(topUp("e-2", 100));
        single.errorNext(new TimeoutException("Expiring 1 record(s) after 10000 ms"));
        assertThatThrownBy(() -> acked.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(UnavailableException.class)
                .hasMessage(
                        "event 'e-2' was not acknowledged by the log: TimeoutException: Expiring 1 record(s) after 10000 ms");
    }

    @Test
    void sendThatThrowsIsUnavailable() {
        single.sendException = new TimeoutException("Topic ledger.events not present in metadata after 5000 ms.");
        CompletableFuture<Void> acked = appender.append(topUp("e-3", 100));
        assertThatThrownBy(() -> acked.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(UnavailableException.class);
    }

    @Test
    void lostAcknowledgementTimesOutAsUnavailable() {
        KafkaEventAppender impatient = new KafkaEventAppender(
                TOPIC,
                single,
                new TransactionalAppends(
                        TOPIC, 1, slot -> new MockProducer<>(true, null, new StringSerializer(), AVRO), logEnds),
                logEnds,
                0);
        CompletableFuture<Void> acked = impatient.append(topUp("e-4", 100));
        assertThatThrownBy(() -> acked.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(UnavailableException.class)
                .hasMessageStartingWith("event 'e-4' was not acknowledged by the log");
        impatient.close();
    }

    @Test
    void batchIsOneCommittedTransaction() throws Exception {
        appender.appendAll(List.of(topUp("b-1", 1), topUp("b-2", 2))).get(5, TimeUnit.SECONDS);
        MockProducer<String, EventEnvelope> producer = bulkProducers.get(0);
        assertThat(producer.transactionInitialized()).isTrue();
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(producer.history())
                .extracting(ProducerRecord::key, r -> r.value().getEventId())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("wallet:w-1", "b-1"),
                        org.assertj.core.groups.Tuple.tuple("wallet:w-1", "b-2"));
    }

    @Test
    void failedCommitAbortsAndIsUnavailable() throws Exception {
        appender.appendAll(List.of(topUp("b-0", 1))).get(5, TimeUnit.SECONDS);
        MockProducer<String, EventEnvelope> producer = bulkProducers.get(0);
        producer.commitTransactionException = new TimeoutException("commit timed out");
        CompletableFuture<Void> done = appender.appendAll(List.of(topUp("b-1", 1), topUp("b-2", 2)));
        assertThatThrownBy(() -> done.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(UnavailableException.class)
                .hasMessage("the batch of 2 events was not confirmed appended (TimeoutException: commit timed out);"
                        + " it is appended whole or not at all, and retrying it is safe");
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.commitCount()).isEqualTo(1);
    }

    @Test
    void fencedProducerIsReplacedByANewOne() throws Exception {
        appender.appendAll(List.of(topUp("b-0", 1))).get(5, TimeUnit.SECONDS);
        bulkProducers.get(0).beginTransactionException = new ProducerFencedException("fenced");
        assertThatThrownBy(() -> appender.appendAll(List.of(topUp("b-1", 1))).get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(UnavailableException.class);
        assertThat(bulkProducers.get(0).closed()).isTrue();
        appender.appendAll(List.of(topUp("b-2", 1))).get(5, TimeUnit.SECONDS);
        assertThat(bulkProducers).hasSize(2);
        assertThat(bulkProducers.get(1).transactionCommitted()).isTrue();
    }

    private static KeyedEvent micro(String eventId) {
        return new KeyedEvent(
                "wallet:w-1",
                new EventEnvelope(eventId, AT, new MicropaymentRequested("w-1", "m-1", 100L), null, null));
    }

    private static KeyedEvent onboard(String eventId) {
        return new KeyedEvent(
                "merchant:m-1",
                new EventEnvelope(
                        eventId,
                        AT,
                        new MerchantOnboarded("m-1", "Shop", null, "EUR", new FeePlan(0, 0L, 0, 0L, 0L, 0)),
                        null,
                        null));
    }

    @Test
    void aMicropaymentIsStampedWithTheEndOffsetsAskedAfterItArrived() throws Exception {
        CompletableFuture<Void> acked = appender.append(micro("e-5"));
        single.completeNext();
        acked.get(5, TimeUnit.SECONDS);

        assertThat(logEnds.asked()).isEqualTo(1);
        assertThat(single.history())
                .singleElement()
                .satisfies(r -> assertThat(r.value().getAppendedAfter()).containsExactly(7L, 0L, 3L));
    }

    @Test
    void aWalletEventIsNotStampedAndAsksNothing() throws Exception {
        CompletableFuture<Void> acked = appender.append(topUp("e-6", 100));
        single.completeNext();
        acked.get(5, TimeUnit.SECONDS);

        assertThat(logEnds.asked()).isZero();
        assertThat(single.history())
                .singleElement()
                .satisfies(r -> assertThat(r.value().getAppendedAfter()).isNull());
    }

    @Test
    void aLineAfterAMerchantLineOfTheSameBodyIsStampedPastIt() throws Exception {
        // The mock producer appends everything to partition 0 from offset 0: the onboarding lands at 0.
        logEnds.answer(List.of(0L, 0L, 0L));
        appender.appendAll(List.of(micro("before"), onboard("on-1"), topUp("t-1", 5), micro("after")))
                .get(5, TimeUnit.SECONDS);

        List<ProducerRecord<String, EventEnvelope>> sent = bulkProducers.get(0).history();
        assertThat(sent).extracting(r -> r.value().getEventId()).containsExactly("before", "on-1", "t-1", "after");
        assertThat(sent.get(0).value().getAppendedAfter()).containsExactly(0L, 0L, 0L);
        assertThat(sent.get(1).value().getAppendedAfter()).isNull();
        assertThat(sent.get(2).value().getAppendedAfter()).isNull();
        assertThat(sent.get(3).value().getAppendedAfter()).containsExactly(2L, 0L, 0L);
        assertThat(bulkProducers.get(0).flushed()).isTrue();
        assertThat(logEnds.asked()).isEqualTo(1);
    }

    @Test
    void aBatchWhoseEndOffsetsCannotBeReadAppendsNothing() {
        logEnds.fail(new UnavailableException("the end offsets of ledger.events could not be read"));
        assertThatThrownBy(() -> appender.appendAll(List.of(onboard("on-2"), micro("m-2")))
                        .get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(UnavailableException.class);
        assertThat(bulkProducers).allSatisfy(p -> assertThat(p.history()).isEmpty());
    }

    @Test
    void emptyBatchAppendsNothing() throws Exception {
        appender.appendAll(List.of()).get(5, TimeUnit.SECONDS);
        assertThat(bulkProducers).isEmpty();
    }
}
