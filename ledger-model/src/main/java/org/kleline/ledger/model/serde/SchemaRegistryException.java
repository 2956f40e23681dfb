package org.kleline.ledger.model.serde;

/**
 * The schema registry answered a request with an error: {@code {"error_code": ..., "message": ...}}
 * and a non-2xx HTTP status. The codes are Confluent's, e.g. {@value #SUBJECT_NOT_FOUND} subject
 * not found, {@value #SCHEMA_NOT_FOUND} schema not found, {@value #INCOMPATIBLE_SCHEMA}
 * incompatible schema, {@value #INVALID_SCHEMA} invalid schema.
 *
 * <p>{@link #isNotFound()} and {@link #isTransient()} tell apart the answers that say something
 * about what was asked (it does not exist) from those that say only that the registry could not
 * answer now (the same request may succeed later); an unreachable registry is a
 * {@link SchemaRegistryUnreachableException} instead.
 */
public final class SchemaRegistryException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;

    private final int httpStatus;
    private final int errorCode;
    private final String registryMessage;

    /**
     * @param request what was asked, e.g. {@code POST /subjects/ledger.events-value/versions}
     * @param httpStatus the HTTP status of the answer
     * @param errorCode the registry's {@code error_code}, or the HTTP status when the body had none
     * @param registryMessage the registry's {@code message}, or the start of the body when it had none
     */
    public SchemaRegistryException(String request, int httpStatus, int errorCode, String registryMessage) {
        super(request + " failed: HTTP " + httpStatus + ", error_code " + errorCode + ": " + registryMessage);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    public String registryMessage() {
        return registryMessage;
    }

    /** True for "subject not found" and "schema not found": the registry is fine, the thing is absent. */
    public boolean isNotFound() {
        return errorCode == SUBJECT_NOT_FOUND || errorCode == VERSION_NOT_FOUND || errorCode == SCHEMA_NOT_FOUND;
    }

    /**
     * True when the answer says the registry could not answer now, not that the request is wrong:
     * HTTP 5xx (unavailable, overloaded, a proxy's bad gateway or gateway timeout), 429 too many
     * requests, 408 request timeout. The same request may succeed later.
     */
    public boolean isTransient() {
        return httpStatus >= 500 || httpStatus == 429 || httpStatus == 408;
    }
}
