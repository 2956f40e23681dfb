package org.kleline.ledger.projector.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kleline.ledger.projector.serde.InternalSerdesTest.MAX;
import static org.kleline.ledger.projector.serde.InternalSerdesTest.MIN;
import static org.kleline.ledger.projector.serde.InternalSerdesTest.UNICODE;
import static org.kleline.ledger.projector.serde.InternalSerdesTest.roundTrip;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.outcomes.EventOutcome;
import org.kleline.ledger.projector.read.MerchantRecord;
import org.kleline.ledger.projector.settlement.SettlementDelta;
import org.kleline.ledger.projector.settlement.SettlementStores;
import org.kleline.ledger.settlement.SettlementRow;
import org.kleline.ledger.settlement.SettlementStatus;

/**
 * The schema-driven serde writes, to the byte, what the hand-written serdes of the settlement row and delta
 * wrote before it (their values are in the stores and internal topics of running ledgers), and reads every
 * figure back exactly.
 */
class FlatRecordSerdeTest {

    static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);

    /**
     * Version 2; "m-1" (length 3 as zig-zag 6, then the bytes); 2024-03-01 as epoch day 19783 (zig-zag
     * varint -114, -75, 2); "EUR"; 3, 1000, 10, 20, 30, 5, 940, -1 as zig-zag varints; payouts 2; PAID,
     * ordinal 1. Worked out apart from the code under test.
     */
    static final byte[] ROW_BYTES = {
        2, 6, 109, 45, 49, -114, -75, 2, 6, 69, 85, 82, 6, -48, 15, 20, 40, 60, 10, -40, 14, 1, 4, 2
    };

    /** Version 2; "m-1"; 2024-03-01; "EUR"; 1, 2, 3, 4, 5, 6, 300; payouts 1; "po-1". */
    static final byte[] DELTA_BYTES = {
        2, 6, 109, 45, 49, -114, -75, 2, 6, 69, 85, 82, 2, 4, 6, 8, 10, 12, -40, 4, 2, 8, 112, 111, 45, 49
    };

    static SettlementRow row() {
        return new SettlementRow(
                "m-1", MARCH_1, "EUR", 3L, 1_000L, 10L, 20L, 30L, 5L, 940L, -1L, 2, SettlementStatus.PAID);
    }

    @Test
    void aSettlementRowIsWrittenToTheByteAsTheHandWrittenFormatWroteIt() {
        assertThat(InternalSerdes.SETTLEMENT_ROW.toBytes(row())).containsExactly(ROW_BYTES);
        assertThat(InternalSerdes.SETTLEMENT_ROW.fromBytes(ROW_BYTES)).isEqualTo(row());
        assertThat(SettlementStores.ROW).isSameAs(InternalSerdes.SETTLEMENT_ROW);
    }

    static SettlementDelta delta() {
        return new SettlementDelta("m-1", MARCH_1, "EUR", 1L, 2L, 3L, 4L, 5L, 6L, 300L, 1, "po-1");
    }

    @Test
    void aSettlementDeltaIsWrittenToTheByteAsTheHandWrittenFormatWroteIt() {
        assertThat(SettlementStores.SETTLEMENT_DELTA.toBytes(delta())).containsExactly(DELTA_BYTES);
        assertThat(SettlementStores.SETTLEMENT_DELTA.fromBytes(DELTA_BYTES)).isEqualTo(delta());
    }

    @Test
    void everyFieldOfEitherRecordRoundTripsExactlyAtEachOfItsBounds() {
        assertThat(eachFieldAtItsBounds(InternalSerdes.SETTLEMENT_ROW, FlatRecordSerdeTest::row))
                .isEqualTo(13);
        assertThat(eachFieldAtItsBounds(SettlementStores.SETTLEMENT_DELTA, FlatRecordSerdeTest::delta))
                .isEqualTo(12);
    }

    /**
     * Sets each field of a fresh record in turn to each bound of its type, the others as made, and checks
     * the record reads back equal, that field included; returns how many fields were tried.
     */
    static <T extends SpecificRecordBase> int eachFieldAtItsBounds(CompactSerde<T> serde, Supplier<T> fresh) {
        List<Schema.Field> fields = fresh.get().getSchema().getFields();
        for (Schema.Field field : fields) {
            for (Object bound : bounds(field, fresh.get().get(field.pos()))) {
                T record = fresh.get();
                record.put(field.pos(), bound);
                T back = roundTrip(serde, record);
                assertThat(back).as(field.name() + " = " + bound).isEqualTo(record);
                assertThat(back.get(field.pos())).as(field.name()).isEqualTo(bound);
            }
        }
        return fields.size();
    }

    static List<Object> bounds(Schema.Field field, Object made) {
        return switch (field.schema().getType()) {
            case STRING -> List.of("", UNICODE);
            case LONG -> List.of(0L, 1L, -1L, 63L, 64L, -64L, -65L, MIN, MAX);
            case INT ->
                made instanceof LocalDate
                        ? List.of(LocalDate.MIN, LocalDate.of(1969, 12, 31), LocalDate.EPOCH, LocalDate.MAX)
                        : List.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case ENUM -> List.of(((Enum<?>) made).getDeclaringClass().getEnumConstants());
            default -> throw new AssertionError("no bounds for " + field);
        };
    }

    @Test
    void aMissingStringDateOrStatusIsRefusedOnWriteNamingTheField() {
        SettlementRow noMerchant = row();
        noMerchant.setMerchantId(null);
        assertThatThrownBy(() -> InternalSerdes.SETTLEMENT_ROW.toBytes(noMerchant))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot write SettlementRow: merchantId must not be null");
        SettlementRow noDate = row();
        noDate.setBusinessDate(null);
        assertThatThrownBy(() -> InternalSerdes.SETTLEMENT_ROW.toBytes(noDate))
                .hasMessageContaining("businessDate must not be null");
        SettlementRow noStatus = row();
        noStatus.setStatus(null);
        assertThatThrownBy(() -> InternalSerdes.SETTLEMENT_ROW.toBytes(noStatus))
                .hasMessageContaining("status must not be null");
    }

    @Test
    void aTruncatedValueIsRefusedNamingTheFieldItStopsIn() {
        assertThatThrownBy(
                        () -> InternalSerdes.SETTLEMENT_ROW.fromBytes(Arrays.copyOf(ROW_BYTES, ROW_BYTES.length - 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot read SettlementRow")
                .hasMessageContaining("status: value truncated");
        assertThatThrownBy(() ->
                        SettlementStores.SETTLEMENT_DELTA.fromBytes(Arrays.copyOf(DELTA_BYTES, DELTA_BYTES.length - 2)))
                .hasMessageContaining("cannot read SettlementDelta")
                .hasMessageContaining("eventId: string length 4 with 2 bytes left");
    }

    @Test
    void aSchemaWithAFieldThisFormatCannotCarryIsRefusedWhenTheSerdeIsMade() {
        assertThatThrownBy(() -> new FlatRecordSerde<>(MerchantRecord::new, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MerchantRecord.partnerId")
                .hasMessageContaining("no compact encoding");
        assertThatThrownBy(() -> new FlatRecordSerde<>(EventOutcome::new, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EventOutcome.occurredAt");
    }
}
