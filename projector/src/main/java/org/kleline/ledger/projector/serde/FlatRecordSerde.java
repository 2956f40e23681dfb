package org.kleline.ledger.projector.serde;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The compact serde of a flat Avro record, written from its schema instead of by hand: after the version
 * byte, every field in the schema's order, in {@link CompactFields}' encoding of its type: string;
 * {@code long}; {@code int}; date (epoch day); enum (ordinal). These are the bytes a hand-written
 * {@link CompactSerde} writing those fields in that order writes, so a record written by either reads the
 * same. A schema with a field of any other type (a union, a nested record, an array, a map, a logical type
 * other than date) is refused when the serde is made, at class loading, never at the first record.
 *
 * <p>For the settlement stage's two records, which share their key and sales figures: the rows of
 * ledger-model's {@code SettlementRow} and the deltas of the internal {@code SettlementDelta}.
 */
public final class FlatRecordSerde<T extends SpecificRecordBase> extends CompactSerde<T> {

    private final Supplier<T> emptyRecord;
    private final Field[] fields;

    /**
     * @param emptyRecord the record class's no-argument constructor, whose fields {@link #read} sets
     * @param initialBytes the writer's first buffer, enough for a usual record
     */
    public FlatRecordSerde(Supplier<T> emptyRecord, int initialBytes) {
        this(emptyRecord, emptyRecord.get(), initialBytes);
    }

    private FlatRecordSerde(Supplier<T> emptyRecord, T prototype, int initialBytes) {
        super(prototype.getSchema().getName(), initialBytes);
        this.emptyRecord = emptyRecord;
        List<Schema.Field> schemaFields = prototype.getSchema().getFields();
        this.fields = new Field[schemaFields.size()];
        for (Schema.Field f : schemaFields) {
            fields[f.pos()] = Field.of(prototype.getClass(), f);
        }
    }

    @Override
    protected void write(T value, BinaryWriter out) {
        for (int i = 0; i < fields.length; i++) {
            Field field = fields[i];
            Object v = value.get(i);
            switch (field.encoding) {
                case STRING -> out.writeString(field.name, (String) v);
                case LONG -> out.writeLong((Long) v);
                case INT -> out.writeInt((Integer) v);
                case DATE -> out.writeLong(CompactFields.epochDay(field.name, (LocalDate) v));
                case ENUM -> out.writeInt(CompactFields.ordinal(field.name, (Enum<?>) v));
            }
        }
    }

    @Override
    protected T read(BinaryReader in) {
        T record = emptyRecord.get();
        for (int i = 0; i < fields.length; i++) {
            Field field = fields[i];
            record.put(
                    i,
                    switch (field.encoding) {
                        case STRING -> in.readString(field.name);
                        case LONG -> in.readLong(field.name);
                        case INT -> in.readInt(field.name);
                        case DATE -> LocalDate.ofEpochDay(in.readLong(field.name));
                        case ENUM -> readEnum(in, field);
                    });
        }
        return record;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object readEnum(BinaryReader in, Field field) {
        return in.readEnum(field.name, (Enum[]) field.constants);
    }

    /** How a field's value is written: one per field type this format carries. */
    private enum Encoding {
        STRING,
        LONG,
        INT,
        DATE,
        ENUM
    }

    /** A field of the schema: its name (named in every error), its encoding, and for an enum its constants. */
    private record Field(String name, Encoding encoding, Enum<?>[] constants) {

        static Field of(Class<?> recordClass, Schema.Field f) {
            String recordName = recordClass.getSimpleName();
            Schema s = f.schema();
            boolean plain = s.getLogicalType() == null;
            boolean date = s.getLogicalType() instanceof LogicalTypes.Date;
            Encoding encoding = switch (s.getType()) {
                case STRING -> plain ? Encoding.STRING : null;
                case LONG -> plain ? Encoding.LONG : null;
                case INT -> plain ? Encoding.INT : date ? Encoding.DATE : null;
                case ENUM -> Encoding.ENUM;
                default -> null;
            };
            if (encoding == null) {
                throw new IllegalArgumentException(recordName + "." + f.name() + ": a field of type " + s
                        + " has no compact encoding (string, long, int, date or enum only)");
            }
            return new Field(f.name(), encoding, encoding == Encoding.ENUM ? constants(recordClass, f) : null);
        }

        /** The generated enum of an enum field, loaded beside the generated record that names it. */
        private static Enum<?>[] constants(Class<?> recordClass, Schema.Field f) {
            String enumName = f.schema().getFullName();
            try {
                Class<?> type = Class.forName(enumName, true, recordClass.getClassLoader());
                if (!type.isEnum()) {
                    throw new IllegalArgumentException(
                            recordClass.getSimpleName() + "." + f.name() + ": " + enumName + " is not an enum");
                }
                return (Enum<?>[]) type.getEnumConstants();
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(
                        recordClass.getSimpleName() + "." + f.name() + ": no generated enum " + enumName, e);
            }
        }
    }
}
