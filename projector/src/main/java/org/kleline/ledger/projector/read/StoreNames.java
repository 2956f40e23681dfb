package org.kleline.ledger.projector.read;

import java.util.List;
import java.util.stream.Stream;

/**
 * Names of the projector's state stores: the views the query API reads (interactive queries) and
 * the decide stage's own state. Keys and values are listed with each.
 */
public final class StoreNames {

    /** Aggregate key {@code wallet:{walletId}} to the wallet's state. */
    public static final String WALLETS = "wallets";
    /** Aggregate key {@code payment:{paymentId}} to the card payment's state. */
    public static final String CARD_PAYMENTS = "card-payments";
    /** Aggregate key {@code merchant:{merchantId}} to the merchant's state, fee plans included. */
    public static final String MERCHANTS = "merchants";
    /**
     * eventId to the first {@code EventOutcome} decided for it, partitioned like ledger.events (the
     * decide task writes it): the duplicate check and the outcome view (see {@code FirstOutcomes}).
     */
    public static final String OUTCOMES = "outcomes";
    /** {@code merchantId|payoutId} of every accepted MerchantPaidOut (never expires). */
    public static final String PAYOUT_IDS = "payout-ids";

    /** {@code account|currency} to {@code BalanceTotals} (credits, debits). */
    public static final String BALANCES = "balances";
    /** {@code account|currency|hour} to the {@code BalanceTotals} of the postings of that UTC hour. */
    public static final String BALANCE_HOURS = "balance-hours";
    /** {@code account|currency|occurredAt|eventId} to {@code AccountEntry}: statement lines in time order. */
    public static final String ACCOUNT_ENTRIES = "account-entries";
    /** {@code horizon} to this balance partition's history horizon (epoch ms), once history was folded. */
    public static final String HISTORY_HORIZON = "history-horizon";
    /** Currency to this partition's part of the trial balance: sum over every partition for the whole. */
    public static final String TRIAL_BALANCE = "trial-balance";

    /** {@code merchantId|date|currency} to {@code SettlementRow}. */
    public static final String SETTLEMENT_ROWS = "settlement-rows";
    /** {@code date|merchantId|currency} to {@code SettlementRow}: the same rows by date. */
    public static final String SETTLEMENT_ROWS_BY_DATE = "settlement-rows-by-date";

    /**
     * The stores of the decide stage, the processor reading ledger.events: a store of partition p belongs to the
     * task reading partition p of ledger.events (it applies postings to the balance views of its own partition).
     */
    public static final List<String> DECIDE_STAGE = List.of(
            WALLETS,
            CARD_PAYMENTS,
            MERCHANTS,
            OUTCOMES,
            PAYOUT_IDS,
            BALANCES,
            BALANCE_HOURS,
            ACCOUNT_ENTRIES,
            TRIAL_BALANCE,
            HISTORY_HORIZON);

    /** The stores of the settlement stage, fed from the decide stage through the settlement repartition topic. */
    public static final List<String> SETTLEMENT_STAGE = List.of(SETTLEMENT_ROWS, SETTLEMENT_ROWS_BY_DATE);

    /** Every store of the projector: the decide stage's, then the settlement stage's. */
    public static final List<String> ALL =
            Stream.concat(DECIDE_STAGE.stream(), SETTLEMENT_STAGE.stream()).toList();

    private StoreNames() {}
}
