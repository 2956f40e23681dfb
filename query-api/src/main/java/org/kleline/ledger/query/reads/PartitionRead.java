package org.kleline.ledger.query.reads;

/**
 * A read over many keys spread across every partition of a store: each instance answers a part
 * from the partitions it owns, and the parts are combined by the caller. The store's partitions
 * must be covered exactly once for the combined figure to be right.
 */
public sealed interface PartitionRead<R> extends ViewRead<R>
        permits OutcomeRead,
                OutcomesRead,
                AccountBalancesRead,
                StatementRead,
                TrialBalanceRead,
                SettlementsOnRead,
                MerchantSettlementsRead,
                SettlementSummaryRead,
                MerchantsRead {}
