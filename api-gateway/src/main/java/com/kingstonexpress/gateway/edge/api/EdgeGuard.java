package com.kingstonexpress.gateway.edge.api;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.kingstonexpress.gateway.edge.policy.Access;
import com.kingstonexpress.gateway.edge.policy.AccessRules;
import com.kingstonexpress.platform.problem.Problem;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Identity at the edge: a valid token (same key and issuer the services trust) and a role docs/design/API.md allows,
 * or, on the two webhook paths, a signature header for fulfillment-service to verify.
 */
@ApplicationScoped
public class EdgeGuard {

    @Inject
    JWTParser jwtParser;

    /**
     * Either who is calling (the key of its rate and concurrency limits) or why they may not pass.
     *
     * @param webhook an unauthenticated, signed webhook: limited by client address, in the webhook class
     */
    public record Verdict(String principal, Problem refusal, boolean webhook) {
        static Verdict admitted(String principal) {
            return new Verdict(principal, null, false);
        }

        static Verdict webhookFrom(String clientAddress) {
            return new Verdict("webhook-address:" + clientAddress, null, true);
        }

        static Verdict refused(Problem problem) {
            return new Verdict(null, problem, false);
        }
    }

    /**
     * Decides on the request's method, normalized path, two headers and the client's address; safe to call
     * off the event loop.
     */
    public Verdict check(String method, String path, String authorization, String signature, String clientAddress) {
        Access access = AccessRules.forRequest(method, path);
        if (access.refused()) {
            return Verdict.refused(ProblemResponses.notFound());
        }
        if (access.signedWebhook()) {
            if (signature == null) {
                return Verdict.refused(ProblemResponses.unauthorized("A signed request (X-KX-Signature) is required."));
            }
            // Nobody is identified yet: the sender id in the path is the caller's choice, and only
            // fulfillment-service can verify the signature. Limits are keyed by client address instead,
            // so reusing a real center's id cannot spend that center's allowance, nor rotating ids escape it.
            return Verdict.webhookFrom(clientAddress);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verdict.refused(ProblemResponses.unauthorized("A valid bearer token is required."));
        }
        JsonWebToken token;
        try {
            token = jwtParser.parse(authorization.substring(7).trim());
        } catch (ParseException e) {
            return Verdict.refused(ProblemResponses.unauthorized("The bearer token is invalid or expired."));
        }
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        if (!access.admits(groups)) {
            return Verdict.refused(ProblemResponses.forbidden());
        }
        return Verdict.admitted("subject:" + token.getSubject());
    }
}
