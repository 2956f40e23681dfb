package org.kleline.ledger.projector.decide;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.kleline.ledger.projector.merchants.MerchantDirectory;
import org.kleline.ledger.projector.read.MerchantRecord;

/**
 * Gives each decide task its merchant directory. The task's own merchants store is handed over
 * for the directory that reads it ({@link #localStore()}); the log-fed directory ignores it.
 */
@FunctionalInterface
public interface MerchantDirectorySource {

    MerchantDirectory forTask(ReadOnlyKeyValueStore<String, MerchantRecord> taskMerchants);

    /**
     * The decide task's own merchants store: exact when one task sees every partition in log order,
     * as under TopologyTestDriver or with a single partition; wrong otherwise, since a merchant's
     * events may live in another task.
     */
    static MerchantDirectorySource localStore() {
        return LocalStoreMerchantDirectory::new;
    }

    /** One directory shared by every task of the process, whatever its own store: the log-fed one. */
    static MerchantDirectorySource shared(MerchantDirectory directory) {
        return taskMerchants -> directory;
    }
}
