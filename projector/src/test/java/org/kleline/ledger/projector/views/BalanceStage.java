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
import org.kleline.ledger.projector.topology.StoreNames;

/**
 * The balance views alone under TopologyTestDriver: one task applying posting lines through
 * {@link AccountPostings}, as the decide stage does for each posting of an accepted entry.
 */
final class BalanceStage {

    private BalanceStage() {
    }

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
        builder.stream("postings", Consumed.with(Serdes.String(), Serdes.String()))
                .process(Applier::new, StoreNames.BALANCES, StoreNames.BALANCE_HOURS,
                        StoreNames.ACCOUNT_ENTRIES, StoreNames.TRIAL_BALANCE, StoreNames.HISTORY_HORIZON);
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
        TestInputTopic<String, String> in = driver.createInputTopic("postings", Serdes.String().serializer(),
                Serdes.String().serializer());
        for (PostingLine l : lines) {
            in.pipeKeyValueList(List.of(KeyValue.pair(l.eventId(), l.encode())));
        }
    }

    static AccountHistory history(TopologyTestDriver driver) {
        KeyValueStore<String, BalanceTotals> hours = driver.getKeyValueStore(StoreNames.BALANCE_HOURS);
        KeyValueStore<String, AccountEntry> entries = driver.getKeyValueStore(StoreNames.ACCOUNT_ENTRIES);
        KeyValueStore<String, Long> horizon = driver.getKeyValueStore(StoreNames.HISTORY_HORIZON);
        return new AccountHistory(hours, entries, HistoryFold.horizonOf(horizon));
    }

    /** Applies each line it reads to the task's balance views. */
    private static final class Applier implements Processor<String, String, Void, Void> {

        private AccountPostings postings;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            postings = AccountPostings.of(context);
        }

        @Override
        public void process(Record<String, String> record) {
            PostingLine l = PostingLine.decode(record.value());
            postings.post(List.of(new Posting(l.account(), l.currency(), l.amount())), l.eventId(), l.eventType(),
                    l.occurredAt());
        }
    }

    static PostingLine line(String account, long amount, String eventId, long at) {
        return new PostingLine(account, "EUR", amount, eventId, "Test", at);
    }
}
