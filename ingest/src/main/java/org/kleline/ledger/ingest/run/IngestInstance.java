package org.kleline.ledger.ingest.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which ingest this is among the others, and where its meters go.
 *
 * <p>The {@code id} names its bulk producers' {@code transactional.id}s ({@code ledger-ingest-<id>-<n>}). It
 * must be stable across restarts of the same instance and unique among the instances running at once: a
 * restart with the same id fences the transaction a crash left open (the broker aborts it at once instead
 * of after {@code transaction.timeout.ms}, so {@code read_committed} readers, the projector among them, are
 * not held back meanwhile); two live instances with the same id fence each other's bulk appends.
 *
 * @param id      letters, digits, '.', '_' and '-', at most {@value #ID_LENGTH_MAX} characters
 * @param metrics the registry its producers' meters are bound to (the process's {@code /metrics})
 */
public record IngestInstance(String id, MeterRegistry metrics) {

    public static final int ID_LENGTH_MAX = 100;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1," + ID_LENGTH_MAX + "}");

    public IngestInstance {
        checkedId(id);
        Objects.requireNonNull(metrics, "metrics");
    }

    /** {@code id} when it is one; {@link IllegalArgumentException} otherwise. */
    public static String checkedId(String id) {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an ingest instance id is 1.." + ID_LENGTH_MAX + " letters, digits, "
                    + "'.', '_' or '-', got '" + id + "'");
        }
        return id;
    }

    /**
     * A fresh id, never the same twice, and meters bound nowhere: for tests and embeddings that run several
     * ingests at once and restart none (a crash's open transaction then waits out its timeout).
     */
    public static IngestInstance unique() {
        return new IngestInstance(UUID.randomUUID().toString(), new CompositeMeterRegistry());
    }

    /** The prefix of the bulk producers' {@code transactional.id}s. */
    public String transactionalIdPrefix() {
        return "ledger-ingest-" + id;
    }
}
