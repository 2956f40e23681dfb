package org.kleline.ledger.ingest.http;

import java.time.Duration;
import java.util.Optional;
import org.kleline.ledger.web.problem.InvalidRequestException;

/**
 * The {@code wait} preference of RFC 7240's {@code Prefer} header: how long a write may wait for its
 * outcome. Other preferences in the header are ignored, as the RFC asks; a {@code wait} that is not
 * a whole number of seconds from 0 to the maximum is a 400, since a client that asked to wait and
 * silently did not would misread the 202.
 */
final class PreferWait {

    public static final String HEADER = "Prefer";

    private PreferWait() {}

    public static Optional<Duration> parse(String header, Duration max) {
        if (header == null) {
            return Optional.empty();
        }
        Optional<Duration> wait = Optional.empty();
        for (String preference : header.split(",")) {
            String token = preference.split(";", 2)[0].trim();
            int eq = token.indexOf('=');
            String name = (eq < 0 ? token : token.substring(0, eq)).trim();
            if (!name.equalsIgnoreCase("wait")) {
                continue;
            }
            String value = eq < 0 ? "" : unquote(token.substring(eq + 1).trim());
            if (!value.matches("[0-9]{1,9}")) {
                throw new InvalidRequestException(
                        HEADER,
                        "Prefer wait must be a whole number of seconds 0.." + max.toSeconds() + ", was '" + value
                                + "'");
            }
            long seconds = Long.parseLong(value);
            if (seconds > max.toSeconds()) {
                throw new InvalidRequestException(
                        HEADER, "Prefer wait must be at most " + max.toSeconds() + " seconds, was " + seconds);
            }
            wait = Optional.of(Duration.ofSeconds(seconds));
        }
        return wait;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
