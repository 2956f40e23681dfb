package org.kleline.ledger.ingest.command;

import org.apache.avro.specific.SpecificRecord;

/**
 * The JSON fields of one event payload, as a write's body (with the path's id put in) or an NDJSON
 * line (without {@code type}, {@code eventId}, {@code occurredAt}) carries them. Field names are the
 * Avro payload's, so one shape serves both.
 */
public sealed interface PayloadBody
        permits MerchantOnboardedBody,
                MerchantFeePlanChangedBody,
                WalletOpenedBody,
                WalletToppedUpBody,
                WalletRedeemedBody,
                MicropaymentRequestedBody,
                CardPaymentAuthorizedBody,
                CardPaymentCapturedBody,
                CardPaymentRefundedBody,
                CardPaymentChargedBackBody,
                MerchantPaidOutBody {

    /** The Avro payload record; a missing required field is a 400 naming it. */
    SpecificRecord toAvro();
}
