package org.kleline.ledger.embedded.registry;

import java.util.Locale;

/** The compatibility levels of the Confluent Schema Registry, checked with Avro's rules. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Backward: a consumer on the new schema reads data written with the old one. */
    public boolean newReadsOld() {
        return newReadsOld;
    }

    /** Forward: a consumer still on the old schema reads data written with the new one. */
    public boolean oldReadsNew() {
        return oldReadsNew;
    }

    /** Checked against every earlier version, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** Accepts any case, as Confluent does ({@code "backward"} and {@code "BACKWARD"}). */
    public static CompatibilityLevel parse(String text) {
        if (text == null) {
            throw RegistryException.invalidCompatibilityLevel(null);
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalidCompatibilityLevel(text);
        }
    }
}
