package com.kingstonexpress.platform.problem;

/**
 * Thrown anywhere in a request to answer with that problem; nothing internal leaks into it. Application code
 * throws it through the meaning-named factories below; {@link ProblemMappers} writes it once for everyone.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.getTitle() + ": " + problem.getDetail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Adds an extension member to the answer, e.g. the findings of a refused reply. */
    public ProblemException with(String member, Object value) {
        problem.with(member, value);
        return this;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problems.badRequest(detail));
    }

    /** One field of the request is not acceptable: a 400 listing it in {@code violations}. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problems.invalid(field, message));
    }

    /** Input that is well-formed but cannot be accepted (RFC 9110 422). */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(Problems.unprocessable(detail));
    }

    /** A 422 with a name of its own, e.g. {@code customer-not-on-order}. */
    public static ProblemException unprocessable(String typeSlug, String title, String detail) {
        return new ProblemException(Problems.unprocessable(typeSlug, title, detail));
    }

    /** Also the answer for anything the caller may not see: another seller's order is "not found". */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(Problems.notFound(what + " " + id + " was not found."));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problems.conflict(detail));
    }

    public static ProblemException conflict(String typeSlug, String title, String detail) {
        return new ProblemException(Problems.conflict(typeSlug, title, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problems.forbidden(detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problems.preconditionFailed(detail));
    }
}
