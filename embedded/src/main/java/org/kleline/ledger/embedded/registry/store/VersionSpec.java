package org.kleline.ledger.embedded.registry.store;

import org.kleline.ledger.embedded.registry.RegistryException;

/** A version in a request path: a number from 1, or {@code latest} (also spelt -1). */
public record VersionSpec(int number) {

    public static final VersionSpec LATEST = new VersionSpec(-1);

    public VersionSpec {
        if (number < 1 && number != -1) {
            throw new IllegalArgumentException("version must be at least 1, or -1 for latest, was " + number);
        }
    }

    public boolean isLatest() {
        return number == -1;
    }

    public static VersionSpec parse(String text) {
        if ("latest".equals(text)) {
            return LATEST;
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryException.invalidVersion(text);
        }
        if (number < 1 && number != -1) {
            throw RegistryException.invalidVersion(text);
        }
        return new VersionSpec(number);
    }

    @Override
    public String toString() {
        return isLatest() ? "latest" : Integer.toString(number);
    }
}
