package com.kingstonexpress.platform.problem;

/** Thrown anywhere in a request to answer with that problem; nothing internal leaks into it. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.getTitle() + ": " + problem.getDetail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(new Problem(400, "bad-request", "Bad request", detail));
    }

    /** Input that is well-formed but cannot be accepted (RFC 9110 422). */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(new Problem(422, "unprocessable", "Request cannot be processed", detail));
    }

    /** Also the answer for anything the caller may not see: another seller's order is "not found". */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(new Problem(404, "not-found", "Not found", what + " " + id + " was not found."));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem(409, "conflict", "Conflict", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(new Problem(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(new Problem(412, "precondition-failed", "Precondition failed", detail));
    }
}
