package org.kleline.ledger.cli.ingest;

import java.util.Objects;
import java.util.UUID;

/**
 * What {@code ledger ingest} is given besides its Kafka and access settings and its HTTP port.
 *
 * @param allowImport whether NDJSON lines of {@code POST /v1/events} may carry their own occurredAt
 * @param instanceId  this ingest among the others: stable across its restarts, unique among those running
 *                    ({@code --instance-id}; ingest's {@code IngestInstance})
 * @param replication the replication factor the ledger topics are expected to have ({@code --replication}):
 *                    a topic with fewer replicas than 3 and than this is warned about at start
 */
public record IngestSettings(boolean allowImport, String instanceId, short replication) {

    public IngestSettings {
        Objects.requireNonNull(instanceId, "instanceId");
        if (replication < 1) {
            throw new IllegalArgumentException("--replication must be >= 1, got " + replication);
        }
    }

    /** An ingest whose id is new each time, on a one-broker cluster: tests that run several at once in one process. */
    public static IngestSettings unique(boolean allowImport) {
        return new IngestSettings(allowImport, UUID.randomUUID().toString(), (short) 1);
    }
}
