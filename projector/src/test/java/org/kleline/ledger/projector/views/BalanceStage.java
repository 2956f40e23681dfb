package org.kleline.ledger.projector.views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.kleline.ledger.journal.Posting;
import org.kleline.ledger.projector.read.AccountEntry;
import org.kleline.ledger.projector.read.AccountHistory;
import org.kleline.ledger.projector.read.BalanceTotals;
import org.kleline.ledger.projector.read.HistoryFold;
import org.kleline.ledger.projector.read.HistoryRetention;
import org.kleline.ledger.projector.read.StoreNames;

/**
 * The balance views alone under TopologyTestDriver: one task applying posting lines through
 * {@link AccountPostings}. Topic {@value #LINES} takes single lines, applied without the entry's
 * balance check so that the tests can feed them in any order; topic {@value #ENTRIES} takes whole
 * entries, posted as the decide stage posts an accepted entry's postings, checked.
 */
final class BalanceStage {

    static final String LINES = "postings";
    static final String ENTRIES = "entries";

    private BalanceStage() {}

    static TopologyTestDriver driver() {
        return driver(new Properties());
    }

    /** @param extra configuration added to the test application's, e.g. {@link HistoryRetention#CONFIG} */
    static TopologyTestDriver driver(Properties extra) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(ViewStores.balances());
        builder.addStateStore(ViewStores.balanceHours());
        builder.addStateStore(ViewStores.accountEntries());
        builder.addStateStore(ViewStores.trialBalance());
        builder.addStateStore(ViewStores.historyHorizon());
        builder.stream(List.of(LINES, ENTRIES), Consumed.with(Serdes.String(), Serdes.String()))
                .process(
                        Applier::new,
                        StoreNames.BALANCES,
                        StoreNames.BALANCE_HOURS,
                        StoreNames.ACCOUNT_ENTRIES,
                        StoreNames.TRIAL_BALANCE,
                        StoreNames.HISTORY_HORIZON);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "balance-views-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, freshStateDir());
        props.putAll(extra);
        return new TopologyTestDriver(builder.build(), props);
    }

    /** Each driver its own state directory (the driver cleans it when closed). */
    private static String freshStateDir() {
        try {
            return Files.createTempDirectory("balance-stage").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pipe(TopologyTestDriver driver, List<PostingLine> lines) {
        TestInputTopic<String, String> in = driver.createInputTopic(
                LINES, Serdes.String().serializer(), Serdes.String().serializer());
        for (PostingLine l : lines) {
            in.pipeKeyValueList(List.of(KeyValue.pair(l.eventId(), l.encode())));
        }
    }

    /** Posts {@code lines} as one journal entry (eventId, type and time of the first line). */
    static void pipeEntry(TopologyTestDriver driver, List<PostingLine> lines) {
        TestInputTopic<String, String> in = driver.createInputTopic(
                ENTRIES, Serdes.String().serializer(), Serdes.String().serializer());
        in.pipeInput(
                lines.get(0).eventId(),
                String.join("\n", lines.stream().map(PostingLine::encode).toList()));
    }

    static AccountHistory history(TopologyTestDriver driver) {
        KeyValueStore<String, BalanceTotals> hours = driver.getKeyValueStore(StoreNames.BALANCE_HOURS);
        KeyValueStore<String, AccountEntry> entries = driver.getKeyValueStore(StoreNames.ACCOUNT_ENTRIES);
        KeyValueStore<String, Long> horizon = driver.getKeyValueStore(StoreNames.HISTORY_HORIZON);
        return new AccountHistory(hours, entries, HistoryFold.horizonOf(horizon));
    }

    /** Applies each line it reads to the task's balance views. */
    private static final class Applier implements Processor<String, String, Void, Void> {

        private ProcessorContext<Void, Void> context;
        private AccountPostings postings;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            postings = AccountPostings.of(context);
        }

        @Override
        public void process(Record<String, String> record) {
            List<PostingLine> lines =
                    record.value().lines().map(PostingLine::decode).toList();
            List<Posting> entry = lines.stream()
                    .map(l -> new Posting(l.account(), l.currency(), l.amount()))
                    .toList();
            PostingLine first = lines.get(0);
            boolean wholeEntry =
                    context.recordMetadata().map(m -> m.topic().equals(ENTRIES)).orElse(false);
            if (wholeEntry) {
                postings.post(entry, first.eventId(), first.eventType(), first.occurredAt());
            } else {
                postings.applyUnchecked(entry, first.eventId(), first.eventType(), first.occurredAt());
            }
        }
    }

    static PostingLine line(String account, long amount, String eventId, long at) {
        return new PostingLine(account, "EUR", amount, eventId, "Test", at);
    }
}
