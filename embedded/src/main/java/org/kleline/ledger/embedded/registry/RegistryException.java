package org.kleline.ledger.embedded.registry;

/**
 * An error answered as Confluent does: body {@code {"error_code": n, "message": "..."}}, HTTP
 * status the first three digits of the error code.
 */
public final class RegistryException extends RuntimeException {

    private final int errorCode;

    public RegistryException(int errorCode, String message) {
        this(errorCode, message, null);
    }

    public RegistryException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        if (errorCode < 100) {
            throw new IllegalArgumentException(
                    "errorCode must be an HTTP status or a Confluent code, was " + errorCode);
        }
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        int status = errorCode;
        while (status >= 1000) {
            status /= 10;
        }
        return status;
    }

    public static RegistryException subjectNotFound(String subject) {
        return new RegistryException(40401, "Subject '" + subject + "' not found.");
    }

    public static RegistryException versionNotFound(String subject, int version) {
        return new RegistryException(40402, "Version " + version + " not found for subject '" + subject + "'.");
    }

    public static RegistryException schemaNotFound() {
        return new RegistryException(40403, "Schema not found");
    }

    public static RegistryException schemaIdNotFound(int id) {
        return new RegistryException(40403, "Schema " + id + " not found");
    }

    public static RegistryException subjectCompatibilityNotFound(String subject) {
        return new RegistryException(
                40408, "Subject '" + subject + "' does not have subject-level compatibility" + " configured");
    }

    public static RegistryException incompatible(String subject, String details) {
        return new RegistryException(
                409,
                "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                        + "\", details: " + details);
    }

    public static RegistryException invalidSchema(String detail) {
        return new RegistryException(42201, "Invalid schema: " + detail);
    }

    public static RegistryException invalidVersion(String version) {
        return new RegistryException(
                42202,
                "The specified version '" + version + "' is not a valid version id."
                        + " Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    public static RegistryException invalidCompatibilityLevel(String level) {
        return new RegistryException(
                42203,
                "Invalid compatibility level '" + level + "'. Valid values are none,"
                        + " backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    public static RegistryException operationNotPermitted(String detail) {
        return new RegistryException(42205, detail);
    }

    public static RegistryException storeError(String detail, Throwable cause) {
        return new RegistryException(50001, "Error in the backend data store: " + detail, cause);
    }
}
