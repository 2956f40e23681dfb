package org.kleline.ledger.model.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes a record of one schema as the subject's latest schema ({@code use.latest.version}). Avro
 * writes records by field position, so handing a record to a writer of another schema would mix
 * fields up; instead the record is encoded with its own schema and read back through Avro's schema
 * resolution into the latest one (defaults filled, removed fields dropped), then written. Slower
 * than the direct path, which is taken whenever the two schemas encode alike.
 */
final class LatestSchemaWriter implements DatumWriter<Object> {

    private final DatumWriter<Object> ownWriter;
    private final GenericDatumReader<Object> toLatest;
    private final GenericDatumWriter<Object> latestWriter;

    LatestSchemaWriter(DatumWriter<Object> ownWriter, Schema own, Schema latest) {
        this.ownWriter = ownWriter;
        this.toLatest = new GenericDatumReader<>(own, latest, GenericData.get());
        this.latestWriter = new GenericDatumWriter<>(latest, GenericData.get());
    }

    @Override
    public void setSchema(Schema schema) {
        throw new UnsupportedOperationException("the schemas of a LatestSchemaWriter are fixed when it is made");
    }

    @Override
    public void write(Object datum, Encoder out) throws IOException {
        ByteArrayOutputStream ownBytes = new ByteArrayOutputStream(256);
        BinaryEncoder ownEncoder = EncoderFactory.get().directBinaryEncoder(ownBytes, null);
        ownWriter.write(datum, ownEncoder);
        ownEncoder.flush();
        Object asLatest = toLatest.read(null, DecoderFactory.get().binaryDecoder(ownBytes.toByteArray(), null));
        latestWriter.write(asLatest, out);
    }
}
