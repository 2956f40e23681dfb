package org.kleline.ledger.embedded.interop;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;
import org.kleline.ledger.events.EventEnvelope;

/**
 * Schemas a registry must refuse, as a client can hold them: Avro's own objects, the ones a
 * serializer would send.
 */
final class RefusedSchemas {

    private RefusedSchemas() {}

    /**
     * EventEnvelope plus a required {@code channel}: under BACKWARD it cannot read the events
     * already written, which have no channel and no default to fill it.
     */
    static Schema envelopeWithRequiredChannel() {
        Schema current = EventEnvelope.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : current.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(new Schema.Field(
                "channel", Schema.create(Schema.Type.STRING), "Where the event came from.", (Object) null));
        return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }

    /** An earlier EventEnvelope whose eventId was a number: today's envelope cannot read it. */
    static Schema envelopeWithNumericEventId() {
        return new Schema.Parser().parse("""
                {"type":"record","name":"EventEnvelope","namespace":"org.kleline.ledger.events","fields":[
                  {"name":"eventId","type":"long"}]}""");
    }

    /** A record named with a dash, which the Avro specification does not allow in a name. */
    static Schema illegallyNamed() {
        return new Schema.Parser(NameValidator.NO_VALIDATION).parse("""
                {"type":"record","name":"Ledger-Event","namespace":"org.kleline.ledger.events","fields":[
                  {"name":"amount","type":"long"}]}""");
    }

    /** A long field whose default is a string. */
    static Schema defaultOfTheWrongType() {
        return new Schema.Parser().setValidateDefaults(false).parse("""
                {"type":"record","name":"Refund","namespace":"org.kleline.ledger.events","fields":[
                  {"name":"amount","type":"long","default":"ten"}]}""");
    }
}
