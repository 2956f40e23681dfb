package org.kleline.ledger.web.problem;

/** The kinds of problem the ledger's HTTP API answers, each with its status and fixed title. */
public enum ProblemType {
    VALIDATION("validation", "Request failed validation", 400),
    MALFORMED_JSON("malformed-json", "Request body is not valid JSON for this endpoint", 400),
    /** Refused by the HTTP server before any route: a path it cannot decode, an illegal character in a header. */
    BAD_REQUEST("bad-request", "Request is not valid HTTP", 400),
    UNAUTHORIZED("unauthorized", "Missing, unknown or revoked API key", 401),
    FORBIDDEN("forbidden", "This key's role may not make this call", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    URI_TOO_LONG("uri-too-long", "Request target too long", 414),
    HEADERS_TOO_LARGE("request-header-fields-too-large", "Request headers too large", 431),
    /** A figure the answer adds up (across partitions) passes what a 64-bit count of minor units holds. */
    OUT_OF_RANGE("out-of-range", "A figure of the answer is beyond the range of 64-bit minor units", 422),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    MISDIRECTED("misdirected-request", "Request sent to a host name this server does not answer for", 421),
    // The contract names this type by its end, ".../idempotency-key-reused": a path segment, not a URN part.
    IDEMPOTENCY_KEY_REUSED("/idempotency-key-reused", "Idempotency-Key already used for another request", 422),
    /** A request past its class's bound of requests in flight on this server (HttpLimits): answered at once. */
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests in flight, retry later", 429),
    UNAVAILABLE("unavailable", "Service unavailable, retry later", 503),
    INTERNAL("internal", "Internal server error", 500),
    HTTP("http", "HTTP error", 400);

    // URNs rather than web addresses: nothing is served at these names, they only tell kinds apart.
    private static final String PREFIX = "urn:kleline:ledger:problem:";

    private final String uri;
    private final String title;
    private final int status;

    ProblemType(String name, String title, int status) {
        // A name starting with '/' ends the URN with a segment of its own (urn:kleline:ledger:problem/<name>).
        this.uri = name.startsWith("/") ? PREFIX.substring(0, PREFIX.length() - 1) + name : PREFIX + name;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
