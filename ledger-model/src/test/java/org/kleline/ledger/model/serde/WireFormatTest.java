package org.kleline.ledger.model.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;

class WireFormatTest {

    /** Four different bytes, so their order on the wire shows. */
    private static final int SCHEMA_ID = 0x01020304;

    @Test
    void payloadIsMagicZeroThenTheIdBigEndianThenAvroBinary() {
        SpecificAvroSerializer<FeePlan> serializer = new SpecificAvroSerializer<>(new FixedIdRegistry());
        serializer.configure(Map.of(), false);

        byte[] bytes = serializer.serialize("fee-plans", SampleRecords.feePlan());

        // cardBps 150, cardFixed 25, microBps 500, microFixed 1, chargebackFee 1500, partnerShareBps 2000
        // as zig-zag varints: 300 -> ac 02, 50 -> 32, 1000 -> e8 07, 2 -> 02, 3000 -> b8 17, 4000 -> a0 1f.
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("00" + "01020304" + "ac0232e80702b817a01f");
    }

    @Test
    void bodyIsExactlyWhatPlainAvrosBinaryEncoderWrites() throws IOException {
        SpecificAvroSerializer<EventEnvelope> serializer = new SpecificAvroSerializer<>(new FixedIdRegistry());
        serializer.configure(Map.of(), false);
        EventEnvelope envelope = SampleRecords.micropaymentEnvelope();

        byte[] bytes = serializer.serialize("ledger.events", envelope);

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(plain, null);
        new SpecificDatumWriter<>(EventEnvelope.class).write(envelope, encoder);
        encoder.flush();
        assertThat(Arrays.copyOfRange(bytes, 0, WireFormat.HEADER_BYTES)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Arrays.copyOfRange(bytes, WireFormat.HEADER_BYTES, bytes.length))
                .isEqualTo(plain.toByteArray());
    }

    @Test
    void plainAvroReadsOurBytesWithTheSchemaTextOfTheAvscFiles() throws IOException {
        SpecificAvroSerializer<EventEnvelope> serializer = new SpecificAvroSerializer<>(new FixedIdRegistry());
        serializer.configure(Map.of(), false);
        byte[] bytes = serializer.serialize("ledger.events", SampleRecords.micropaymentEnvelope());

        Schema schema = parseAvsc(
                "FeePlan",
                "MerchantOnboarded",
                "MerchantFeePlanChanged",
                "WalletOpened",
                "WalletToppedUp",
                "WalletRedeemed",
                "MicropaymentRequested",
                "CardPaymentAuthorized",
                "CardPaymentCaptured",
                "CardPaymentRefunded",
                "CardPaymentChargedBack",
                "MerchantPaidOut",
                "EventEnvelope");
        GenericRecord read = new GenericDatumReader<GenericRecord>(schema)
                .read(
                        null,
                        DecoderFactory.get()
                                .binaryDecoder(
                                        bytes, WireFormat.HEADER_BYTES, bytes.length - WireFormat.HEADER_BYTES, null));

        assertThat(read.get("eventId")).hasToString("3f1c1e4c-8b4e-4e5b-9d7a-1b2c3d4e5f60");
        assertThat(read.get("occurredAt")).isEqualTo(1_714_558_530_123L);
        GenericRecord payload = (GenericRecord) read.get("payload");
        assertThat(payload.getSchema().getFullName()).isEqualTo("org.kleline.ledger.events.MicropaymentRequested");
        assertThat(payload.get("walletId")).hasToString("w-1");
        assertThat(payload.get("merchantId")).hasToString("m-7");
        assertThat(payload.get("amount")).isEqualTo(250L);
    }

    private static Schema parseAvsc(String... names) throws IOException {
        Schema.Parser parser = new Schema.Parser();
        Schema last = null;
        for (String name : names) {
            last = parser.parse(Files.readString(Path.of("src/main/avro", name + ".avsc")));
        }
        return last;
    }

    @Test
    void registeredIdsOfAMockScopeAreWrittenToo() {
        String scope = "wire-format-ids";
        InMemorySchemaRegistry.dropScope(scope);
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(scope);
        for (String filler : List.of("a", "b")) {
            registry.register(
                    "filler-" + filler,
                    Schema.createRecord(
                            "Filler" + filler,
                            null,
                            "test",
                            false,
                            List.of(new Schema.Field("n", Schema.create(Schema.Type.INT)))));
        }
        SpecificAvroSerializer<FeePlan> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);

        byte[] bytes = serializer.serialize("fee-plans", SampleRecords.feePlan());

        assertThat(Arrays.copyOfRange(bytes, 0, WireFormat.HEADER_BYTES)).containsExactly(0, 0, 0, 0, 3);
    }

    /** A registry that gives every schema the id 0x01020304. */
    private static final class FixedIdRegistry implements SchemaRegistryClient {
        private volatile Schema registered;

        @Override
        public int register(String subject, Schema schema) {
            registered = schema;
            return SCHEMA_ID;
        }

        @Override
        public RegisteredSchema lookup(String subject, Schema schema) {
            return new RegisteredSchema(subject, 1, SCHEMA_ID, schema);
        }

        @Override
        public Schema schemaById(int id) {
            assertThat(id).isEqualTo(SCHEMA_ID);
            return registered;
        }

        @Override
        public RegisteredSchema latestVersion(String subject) {
            return new RegisteredSchema(subject, 1, SCHEMA_ID, registered);
        }
    }
}
