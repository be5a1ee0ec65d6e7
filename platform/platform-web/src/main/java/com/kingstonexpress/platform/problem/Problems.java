package com.kingstonexpress.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * The catalogue of problems this system answers with: one factory per kind, so that a status, its type slug
 * and its title always travel together. Only this package constructs a {@link Problem}; services and the
 * gateway call these factories (through {@link ProblemException} where an exception carries the answer).
 */
public final class Problems {

    private Problems() {
    }

    /** One invalid field of a request, as listed in a 400's {@code violations}. */
    public record Violation(String field, String message) {
        Map<String, String> asMember() {
            return Map.of("field", field, "message", message);
        }
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "bad-request", "Bad request", detail);
    }

    /** A field that passed parsing but not a rule of the request (the same shape Bean Validation answers with). */
    public static Problem invalid(String field, String message) {
        return invalid("The request has 1 invalid field(s).", List.of(new Violation(field, message)));
    }

    public static Problem invalid(String detail, List<Violation> violations) {
        return new Problem(400, "validation", "Invalid request", detail)
                .with("violations", violations.stream().map(Violation::asMember).toList());
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "unauthorized", "Unauthorized", detail);
    }

    /** A webhook whose signature does not check out: the sender, not a user, is unknown. */
    public static Problem invalidSignature(String detail) {
        return new Problem(401, "invalid-signature", "Unauthorized", detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "forbidden", "Forbidden", detail);
    }

    /** Also the answer for anything the caller may not see: another seller's order is "not found". */
    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }

    public static Problem requestTimeout(String detail) {
        return new Problem(408, "request-timeout", "Request body too slow", detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "conflict", "Conflict", detail);
    }

    /** A conflict with a name of its own, e.g. {@code ticket-already-open}. */
    public static Problem conflict(String typeSlug, String title, String detail) {
        return new Problem(409, typeSlug, title, detail);
    }

    /** A business rule refused the request: the rule's stable id, the reason and the next sensible step. */
    public static Problem ruleRefused(String ruleId, String reason, String hint) {
        return new Problem(409, "rule-refused/" + ruleId, "Refused by rule " + ruleId, reason)
                .with("ruleId", ruleId)
                .with("reason", reason)
                .with("hint", hint);
    }

    /** A lost optimistic-locking race: the caller reloads and retries. */
    public static Problem concurrentUpdate() {
        return new Problem(409, "concurrent-update", "Concurrent update",
                "Someone else changed this resource at the same time. Reload it and try again.");
    }

    /** A value the database cannot take (out of range, not representable): the caller's input, not our fault. */
    public static Problem valueNotStorable() {
        return new Problem(400, "invalid-value", "Invalid request",
                "A value in this request is out of range or not representable.");
    }

    public static Problem preconditionFailed(String detail) {
        return new Problem(412, "precondition-failed", "Precondition failed", detail);
    }

    public static Problem payloadTooLarge(String typeSlug, String title, String detail) {
        return new Problem(413, typeSlug, title, detail);
    }

    /** A request line (method, target, version) longer than the platform accepts (RFC 9110 414). */
    public static Problem requestLineTooLong(String detail) {
        return new Problem(414, "request-line-too-long", "Request line too long", detail);
    }

    /** Input that is well-formed but cannot be accepted (RFC 9110 422). */
    public static Problem unprocessable(String detail) {
        return unprocessable("unprocessable", "Request cannot be processed", detail);
    }

    public static Problem unprocessable(String typeSlug, String title, String detail) {
        return new Problem(422, typeSlug, title, detail);
    }

    public static Problem tooManyRequests(String typeSlug, String title, String detail) {
        return new Problem(429, typeSlug, title, detail);
    }

    /** Request headers larger, all together, than the platform accepts (RFC 6585 431). */
    public static Problem headersTooLarge(String detail) {
        return new Problem(431, "headers-too-large", "Request headers too large", detail);
    }

    public static Problem internal() {
        return new Problem(500, "internal", "Internal error",
                "Something went wrong on our side. Quote the request id when you contact support.");
    }

    public static Problem serviceUnavailable(String typeSlug, String title, String detail) {
        return new Problem(503, typeSlug, title, detail);
    }

    public static Problem gatewayTimeout(String typeSlug, String title, String detail) {
        return new Problem(504, typeSlug, title, detail);
    }
}
