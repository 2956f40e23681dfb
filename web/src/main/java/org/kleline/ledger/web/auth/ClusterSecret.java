package org.kleline.ledger.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The secret the ledger's own processes share ({@code --cluster-secret} or {@code LEDGER_CLUSTER_SECRET}):
 * a query node forwarding part of a read to another ({@code POST /internal/v1/reads}), an ingest
 * asking its query side. Sent in the header {@link #HEADER}, compared in constant time.
 */
public final class ClusterSecret {

    public static final String HEADER = "Ledger-Cluster-Secret";
    public static final String ENVIRONMENT = "LEDGER_CLUSTER_SECRET";
    /** 16 characters at least: a short shared secret would be guessed over the network. */
    public static final int LENGTH_MIN = 16;

    private final String value;

    private ClusterSecret(String value) {
        this.value = value;
    }

    public static ClusterSecret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() < LENGTH_MIN || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException(
                    "the cluster secret must be at least " + LENGTH_MIN + " printable ASCII characters without spaces");
        }
        return new ClusterSecret(value);
    }

    /** A new random secret (32 bytes), for a process that is its own whole cluster ({@code ledger run}). */
    public static ClusterSecret generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new ClusterSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The value, to send in {@link #HEADER}. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "ClusterSecret[<hidden>]";
    }
}
