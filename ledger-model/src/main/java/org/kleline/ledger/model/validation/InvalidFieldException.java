package org.kleline.ledger.model.validation;

/**
 * A value broke the contract of one field: an amount out of range, an id with a character
 * outside {@code [A-Za-z0-9._:-]}, an unknown currency.
 *
 * <p>Ingest answers it with a 400 problem detail whose {@code field} is {@link #field()}; the
 * projector and the audit treat it as an event that should never have reached the log.
 */
public final class InvalidFieldException extends IllegalArgumentException {

    /** Long values (a 1 MB merchant name) are cut so that the message stays readable. */
    private static final int VALUE_LENGTH_MAX = 100;

    private final String field;
    private final String value;

    /**
     * @param field the field at fault, as named in the HTTP contract ({@code amount},
     *              {@code feePlan.cardBps})
     * @param value the value refused; strings are quoted in the message, {@code null} is shown as null
     * @param requirement what the field must be, e.g. "must be 1..1000000000000 minor units"
     */
    public InvalidFieldException(String field, Object value, String requirement) {
        this(field, render(value), requirement);
    }

    private InvalidFieldException(String field, String renderedValue, String requirement) {
        super(field + " " + requirement + ", was " + renderedValue);
        this.field = field;
        this.value = renderedValue;
    }

    /** The field at fault, e.g. {@code amount} or {@code feePlan.cardBps}. */
    public String field() {
        return field;
    }

    /** The refused value as shown in the message (strings quoted, long ones cut). */
    public String value() {
        return value;
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence text) {
            String shown = text.length() > VALUE_LENGTH_MAX
                    ? text.subSequence(0, VALUE_LENGTH_MAX) + "...(" + text.length() + " chars)"
                    : text.toString();
            return "'" + shown + "'";
        }
        return String.valueOf(value);
    }
}
