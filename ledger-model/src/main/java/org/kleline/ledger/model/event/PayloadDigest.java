package org.kleline.ledger.model.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.kleline.ledger.events.EventEnvelope;

/**
 * What an event asked for, as one value: the SHA-256 (base64url, no padding) of its payload's full
 * name, a zero byte, and the payload's Avro binary encoding. Two requests with the same
 * {@code Idempotency-Key} and aggregate are the same request when their digests are equal (the time
 * ingest stamps and who sent it are not part of it). The name is in it because two payloads of
 * different types can encode alike (a top-up and a redemption are both a walletId and an amount).
 */
public final class PayloadDigest {

    private PayloadDigest() {}

    public static String of(EventEnvelope event) {
        return of((SpecificRecord) event.getPayload());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String of(SpecificRecord payload) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            bytes.write(payload.getSchema().getFullName().getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
            // The record's own model: no look-up of classes by schema name (Avro's trusted-class guard).
            new SpecificDatumWriter(payload.getSchema(), ((SpecificRecordBase) payload).getSpecificData())
                    .write(payload, encoder);
            encoder.flush();
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot encode " + payload.getSchema().getFullName(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
