package org.kleline.ledger.simulator.ndjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.kleline.ledger.events.CardPaymentAuthorized;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.CardPaymentChargedBack;
import org.kleline.ledger.events.CardPaymentRefunded;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;
import org.kleline.ledger.events.MerchantFeePlanChanged;
import org.kleline.ledger.events.MerchantOnboarded;
import org.kleline.ledger.events.MerchantPaidOut;
import org.kleline.ledger.events.MicropaymentRequested;
import org.kleline.ledger.events.WalletOpened;
import org.kleline.ledger.events.WalletRedeemed;
import org.kleline.ledger.events.WalletToppedUp;
import org.kleline.ledger.model.event.EventTypes;
import org.kleline.ledger.simulator.generate.Defect;
import org.kleline.ledger.simulator.generate.SimulatedEvent;

/**
 * Writes events as the lines of {@code POST /v1/events} (docs/api.md): one JSON object a line,
 * {@code {"type", "eventId", "occurredAt", ...payload fields}}, with the field names of the
 * single-event write bodies, fee plans as objects, {@code occurredAt} and {@code effectiveFrom}
 * as ISO-8601 instants with milliseconds, {@code businessDate} as {@code YYYY-MM-DD}, an absent
 * {@code partnerId} or {@code effectiveFrom} left out. Each line ends with {@code \n}.
 *
 * <p>Writes what the envelope holds, bad values included; a {@link Defect#UNKNOWN_FIELD} line
 * gets the extra field {@value Defect#UNKNOWN_FIELD_NAME} at its end.
 *
 * <p>One streaming generator, reused for every line. Not thread-safe.
 */
public final class NdjsonEventWriter {

    /** An address of TEST-NET-1 (RFC 5737), what a shop back-end might have added to its requests. */
    static final String UNKNOWN_FIELD_VALUE = "192.0.2.1";

    private final LineBuffer line = new LineBuffer();
    private final JsonGenerator json;
    private final IsoInstantFormat instants = new IsoInstantFormat();

    public NdjsonEventWriter() {
        JsonFactory factory = JsonFactory.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        try {
            this.json = factory.createGenerator(line);
        } catch (IOException e) {
            throw new UncheckedIOException("a generator over memory cannot fail to open", e);
        }
        // Lines are separated by the '\n' written after each, not by the generator's default space.
        json.setRootValueSeparator(null);
    }

    /** Writes {@code event} as one line to {@code out} and returns the bytes written. */
    public int write(SimulatedEvent event, OutputStream out) throws IOException {
        encode(event.envelope(), event.defect());
        line.writeTo(out);
        return line.size();
    }

    /** {@code event} as one line, {@code \n} included. */
    public byte[] line(SimulatedEvent event) {
        encodeUnchecked(event.envelope(), event.defect());
        return line.toByteArray();
    }

    /** A well-formed event as one line, {@code \n} included. */
    public byte[] line(EventEnvelope event) {
        encodeUnchecked(event, Defect.NONE);
        return line.toByteArray();
    }

    private void encodeUnchecked(EventEnvelope event, Defect defect) {
        try {
            encode(event, defect);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    private void encode(EventEnvelope event, Defect defect) throws IOException {
        line.reset();
        Object payload = event.getPayload();
        json.writeStartObject();
        json.writeStringField("type", EventTypes.of(payload).name());
        json.writeStringField("eventId", event.getEventId());
        json.writeFieldName("occurredAt");
        instants.write(json, event.getOccurredAt().toEpochMilli());
        writePayload(payload);
        if (defect == Defect.UNKNOWN_FIELD) {
            json.writeStringField(Defect.UNKNOWN_FIELD_NAME, UNKNOWN_FIELD_VALUE);
        }
        json.writeEndObject();
        json.flush();
        line.write('\n');
    }

    private void writePayload(Object payload) throws IOException {
        if (payload instanceof CardPaymentCaptured p) {
            json.writeStringField("paymentId", p.getPaymentId());
            json.writeNumberField("amount", p.getAmount());
        } else if (payload instanceof CardPaymentAuthorized p) {
            json.writeStringField("paymentId", p.getPaymentId());
            json.writeStringField("merchantId", p.getMerchantId());
            json.writeNumberField("amount", p.getAmount());
            json.writeStringField("currency", p.getCurrency());
        } else if (payload instanceof MicropaymentRequested p) {
            json.writeStringField("walletId", p.getWalletId());
            json.writeStringField("merchantId", p.getMerchantId());
            json.writeNumberField("amount", p.getAmount());
        } else if (payload instanceof WalletToppedUp p) {
            json.writeStringField("walletId", p.getWalletId());
            json.writeNumberField("amount", p.getAmount());
        } else if (payload instanceof WalletRedeemed p) {
            json.writeStringField("walletId", p.getWalletId());
            json.writeNumberField("amount", p.getAmount());
        } else if (payload instanceof WalletOpened p) {
            json.writeStringField("walletId", p.getWalletId());
            json.writeStringField("currency", p.getCurrency());
            json.writeNumberField("maxBalance", p.getMaxBalance());
        } else if (payload instanceof CardPaymentRefunded p) {
            json.writeStringField("paymentId", p.getPaymentId());
            json.writeNumberField("amount", p.getAmount());
        } else if (payload instanceof CardPaymentChargedBack p) {
            json.writeStringField("paymentId", p.getPaymentId());
            json.writeNumberField("amount", p.getAmount());
            json.writeStringField("reasonCode", p.getReasonCode());
        } else if (payload instanceof MerchantOnboarded p) {
            json.writeStringField("merchantId", p.getMerchantId());
            json.writeStringField("name", p.getName());
            if (p.getPartnerId() != null) {
                json.writeStringField("partnerId", p.getPartnerId());
            }
            json.writeStringField("currency", p.getCurrency());
            writeFeePlan(p.getFeePlan());
        } else if (payload instanceof MerchantFeePlanChanged p) {
            json.writeStringField("merchantId", p.getMerchantId());
            writeFeePlan(p.getFeePlan());
            if (p.getEffectiveFrom() != null) {
                json.writeFieldName("effectiveFrom");
                instants.write(json, p.getEffectiveFrom().toEpochMilli());
            }
        } else if (payload instanceof MerchantPaidOut p) {
            json.writeStringField("merchantId", p.getMerchantId());
            json.writeStringField("payoutId", p.getPayoutId());
            json.writeStringField("businessDate", p.getBusinessDate().toString());
            json.writeNumberField("amount", p.getAmount());
        } else {
            throw new IllegalArgumentException("not an event payload: "
                    + (payload == null ? "null" : payload.getClass().getName()));
        }
    }

    private void writeFeePlan(FeePlan plan) throws IOException {
        json.writeObjectFieldStart("feePlan");
        json.writeNumberField("cardBps", plan.getCardBps());
        json.writeNumberField("cardFixed", plan.getCardFixed());
        json.writeNumberField("microBps", plan.getMicroBps());
        json.writeNumberField("microFixed", plan.getMicroFixed());
        json.writeNumberField("chargebackFee", plan.getChargebackFee());
        json.writeNumberField("partnerShareBps", plan.getPartnerShareBps());
        json.writeEndObject();
    }
}
