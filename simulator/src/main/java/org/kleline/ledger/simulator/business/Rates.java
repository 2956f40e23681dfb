package org.kleline.ledger.simulator.business;

/**
 * How often things happen in the simulated business, in parts per million, and how long after
 * their cause, in milliseconds. One place, so that a reader can see the whole behaviour at once.
 */
public final class Rates {

    public static final int PPM = 1_000_000;

    /** Of merchants: those who came on their own, without a reseller. */
    public static final int MERCHANT_WITHOUT_PARTNER_PPM = 150_000;
    /** Of merchants: those who join during the year rather than on 1 January. */
    public static final int MERCHANT_JOINING_LATER_PPM = 40_000;
    /** One merchant in this many renegotiates its fee plan during the year. */
    public static final int MERCHANTS_PER_FEE_PLAN_CHANGE = 50;
    /** Of merchants outside the content trades: those who take K-Wallet micropayments anyway. */
    public static final int OTHER_MERCHANT_TAKES_WALLET_PPM = 100_000;

    /** Of card payments: captured for less than authorized (an item out of stock). */
    public static final int PARTIAL_CAPTURE_PPM = 50_000;
    /** Of card payments: an extra authorization that is never captured (an abandoned order). */
    public static final int ABANDONED_AUTHORIZATION_PPM = 15_000;
    /** Of captures: refunded later. */
    public static final int REFUND_PPM = 30_000;
    /** Of refunds: for part of the amount only. */
    public static final int PARTIAL_REFUND_PPM = 400_000;
    /** Of captures not refunded: charged back later. */
    public static final int CHARGEBACK_PPM = 5_000;

    /** Of micropayments: paid from a wallet opened for it. */
    public static final int NEW_WALLET_PPM = 150_000;
    /** Of micropayments finding too little in the wallet: the customer tries first and is refused. */
    public static final int TRY_WITHOUT_FUNDS_PPM = 500_000;
    /** Of accepted micropayments: the customer later takes the wallet's money back. */
    public static final int REDEMPTION_PPM = 10_000;
    /** Of redemptions: the whole balance (else half of it). */
    public static final int FULL_REDEMPTION_PPM = 700_000;
    /** Of new wallets: the larger limit (else the default 15000 minor units of docs/domain.md). */
    public static final int LARGE_WALLET_PPM = 150_000;

    /** Of wallet and card-payment requests: sent again with the same Idempotency-Key. */
    public static final int RETRY_PPM = 5_000;
    /** Of wallet and card-payment requests: followed by a malformed one the bulk API must refuse. */
    public static final int DEFECT_PPM = 500;

    public static final long SECOND_MS = 1_000L;
    public static final long MINUTE_MS = 60 * SECOND_MS;
    public static final long HOUR_MS = 60 * MINUTE_MS;
    public static final long DAY_MS = 24 * HOUR_MS;

    /** Of captures: taken within a few hours (else in office hours one or two days later). */
    public static final int QUICK_CAPTURE_PPM = 600_000;

    public static final long QUICK_CAPTURE_MS_MIN = 10 * MINUTE_MS;
    public static final long QUICK_CAPTURE_MS_MAX = 4 * HOUR_MS;
    public static final int LATE_CAPTURE_DAYS_MIN = 1;
    public static final int LATE_CAPTURE_DAYS_MAX = 2;
    /** Refunds and chargebacks come in office hours, this many days after the capture. */
    public static final int REFUND_DAYS_MIN = 1;

    public static final int REFUND_DAYS_MAX = 30;
    public static final int CHARGEBACK_DAYS_MIN = 10;
    public static final int CHARGEBACK_DAYS_MAX = 60;
    public static final long ABANDONED_MS_MIN = 10 * SECOND_MS;
    public static final long ABANDONED_MS_MAX = 5 * MINUTE_MS;
    public static final long WALLET_STEP_MS_MIN = 20 * SECOND_MS;
    public static final long WALLET_STEP_MS_MAX = 3 * MINUTE_MS;
    public static final long REDEMPTION_MS_MIN = DAY_MS;
    public static final long REDEMPTION_MS_MAX = 20 * DAY_MS;
    public static final long RETRY_MS_MIN = SECOND_MS;
    public static final long RETRY_MS_MAX = 30 * SECOND_MS;
    public static final long DEFECT_MS_MIN = SECOND_MS;
    public static final long DEFECT_MS_MAX = 60 * SECOND_MS;

    private Rates() {}
}
