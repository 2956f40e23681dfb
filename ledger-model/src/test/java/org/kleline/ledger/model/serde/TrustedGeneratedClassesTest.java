package org.kleline.ledger.model.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.EventType;
import org.kleline.ledger.model.settlement.SettlementKey;
import org.kleline.ledger.outcomes.RejectionReason;

class TrustedGeneratedClassesTest {

    @Test
    void generatedRecordsAndEnumsOfTheLedgerAreTrusted() {
        assertThat(TrustedGeneratedClasses.isTrusted(EventEnvelope.class)).isTrue();
        assertThat(TrustedGeneratedClasses.isTrusted(EventType.class)).isTrue();
        assertThat(TrustedGeneratedClasses.isTrusted(RejectionReason.class)).isTrue();
    }

    @Test
    void nothingElseIsTrusted() {
        assertThat(TrustedGeneratedClasses.isTrusted(SettlementKey.class)).isFalse();
        assertThat(TrustedGeneratedClasses.isTrusted(File.class)).isFalse();
        assertThat(TrustedGeneratedClasses.isTrusted(GenericData.Record.class)).isFalse();
    }
}
