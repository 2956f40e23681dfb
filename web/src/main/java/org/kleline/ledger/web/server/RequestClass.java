package org.kleline.ledger.web.server;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of request a server bounds apart ({@link HttpLimits}), each by what it holds while in flight:
 * a write holds a producer slot until the broker acknowledges it, a wait holds a pending outcome or a
 * catch-up poll, a bulk body or a settlement run one of the two transactional producers, a read a request
 * thread, a heavy read a thread for a page of lines or a scan of many keys. Told from the method, the path
 * and, for waits, {@code Prefer} and {@code ?caughtUp=}, before any route runs: a request on no route
 * counts as a read, and is answered 404 by the route table.
 */
public enum RequestClass {
    /** A single write without {@code Prefer: wait}, and the key management calls that change keys. */
    WRITES("writes"),
    /** A single write with {@code Prefer: wait=N}, and {@code GET /v1/settlements/{date}?caughtUp=true}. */
    WAITS("waits"),
    /** {@code POST /v1/events}: an NDJSON body of up to 10,000 events in one transaction. */
    BULK("bulk"),
    /** {@code POST /v1/settlements/{date}/settle}: a catch-up, a read of the date's rows and one transaction. */
    SETTLES("settles"),
    /** Every other read: one key of one view. */
    READS("reads"),
    /** Statements, the trial balance, every merchant's rows of a date, outcome lookups of up to 1,000 ids. */
    HEAVY_READS("heavy-reads");

    private final String wireName;

    RequestClass(String wireName) {
        this.wireName = wireName;
    }

    /** The name in problem details, metrics and the docs: {@code heavy-reads}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The class of a request, or empty for what is never refused for load: the health probes, {@code /metrics},
     * and the reads one node forwards to another ({@code /internal/...}), already admitted where they came in.
     *
     * @param path   the path, decoded, without the query
     * @param query  the raw query, or null
     * @param prefer the {@code Prefer} header, or null
     */
    public static Optional<RequestClass> of(String method, String path, String query, String prefer) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals("/health")
                || trimmed.startsWith("/health/")
                || trimmed.equals("/metrics")
                || trimmed.startsWith("/internal/")) {
            return Optional.empty();
        }
        String[] segments = trimmed.split("/", -1);
        String verb = method.toUpperCase(Locale.ROOT);
        if (verb.equals("POST")) {
            if (trimmed.equals("/v1/events")) {
                return Optional.of(BULK);
            }
            if (segments.length == 5 && trimmed.startsWith("/v1/settlements/") && segments[4].equals("settle")) {
                return Optional.of(SETTLES);
            }
            if (trimmed.equals("/v1/outcomes/lookup")) {
                return Optional.of(HEAVY_READS);
            }
            return Optional.of(asksToWait(prefer) ? WAITS : WRITES);
        }
        if (verb.equals("GET") || verb.equals("HEAD")) {
            if (segments.length == 4 && trimmed.startsWith("/v1/settlements/")) {
                return Optional.of(caughtUp(query) ? WAITS : HEAVY_READS);
            }
            if (trimmed.equals("/v1/trial-balance")
                    || (segments.length == 5 && trimmed.startsWith("/v1/accounts/") && segments[4].equals("entries"))) {
                return Optional.of(HEAVY_READS);
            }
            return Optional.of(READS);
        }
        return Optional.of(verb.equals("DELETE") ? WRITES : READS);
    }

    /** {@code Prefer: wait=N} with N other than 0 (a malformed one is the route's 400; it counts as a wait here). */
    private static boolean asksToWait(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String[] nameAndValue = preference.strip().split("=", 2);
            if (nameAndValue[0].strip().equalsIgnoreCase("wait")) {
                return nameAndValue.length < 2 || !nameAndValue[1].strip().equals("0");
            }
        }
        return false;
    }

    private static boolean caughtUp(String query) {
        if (query == null) {
            return false;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("caughtUp=")
                    && !parameter.substring("caughtUp=".length()).equals("false")) {
                return true;
            }
        }
        return false;
    }
}
