package org.kleline.ledger.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kleline.ledger.ingest.run.IngestInstance;

/** The default instance id of an ingest: its host and port, as an id may be written. */
class InstanceIdsTest {

    @Test
    void theHostNameAndThePortMakeTheId() {
        assertThat(InstanceIds.ofHost("ingest-1", 8080)).isEqualTo("ingest-1-8080");
        assertThat(InstanceIds.ofHost("Ingest-2.internal.example", 8081)).isEqualTo("ingest-2-8081");
        assertThat(InstanceIds.ofHost("3f2a9c1d0b7e", 8080)).isEqualTo("3f2a9c1d0b7e-8080");
        assertThat(InstanceIds.ofHost("weird host!", 9)).isEqualTo("weird-host--9");
        assertThat(InstanceIds.ofHost("", 8080)).isEqualTo("ingest-8080");
        assertThat(IngestInstance.checkedId(InstanceIds.ofHost("x".repeat(300), 65_535)))
                .hasSize(86);
    }
}
