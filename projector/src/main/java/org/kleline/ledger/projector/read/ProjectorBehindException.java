package org.kleline.ledger.projector.read;

/**
 * The projector did not reach the log's end as of a {@link CatchUpBarrier} call in time (or its
 * progress could not be read): the views may lack events appended before the call, so nothing that
 * must include them (a settlement run) may be answered from them now.
 */
public final class ProjectorBehindException extends RuntimeException {

    public ProjectorBehindException(String message) {
        super(message);
    }

    public ProjectorBehindException(String message, Throwable cause) {
        super(message, cause);
    }
}
