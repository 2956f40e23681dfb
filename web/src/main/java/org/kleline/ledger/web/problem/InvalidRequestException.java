package org.kleline.ledger.web.problem;

/** A request that fails validation: 400, naming the one field (body path, header or path parameter) at fault. */
public final class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String field, String detail) {
        super(Problem.of(ProblemType.VALIDATION, detail).withField(field));
    }

    public InvalidRequestException(String field, String detail, Throwable cause) {
        super(Problem.of(ProblemType.VALIDATION, detail).withField(field), java.util.Map.of(), cause);
    }
}
