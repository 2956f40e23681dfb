package org.kleline.ledger.web.problem;

/** Nothing known by that id (yet): 404. */
public final class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(Problem.of(ProblemType.NOT_FOUND, detail));
    }
}
