package com.kingstonexpress.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.kingstonexpress.platform.problem.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, as the validated JWT says: subject, roles and, for sellers, the seller id. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken jwt;

    /**
     * The token's {@code sub}, recorded as the actor of whatever this request changes and scoping its idempotency keys.
     * Not the principal name, which is {@code upn} or {@code preferred_username} first: identity providers let those be
     * edited or handed to someone else, the subject never (#12 L6; the gateway's rate limits use it too).
     */
    public String actorId() {
        String subject = jwt.getSubject();
        return subject != null && !subject.isBlank() ? subject : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isSeller() {
        return is(Roles.SELLER);
    }

    public boolean isSupportAgent() {
        return is(Roles.SUPPORT_AGENT);
    }

    /** The caller's seller id; a seller token without one is refused. */
    public String sellerId() {
        String sellerId = jwt.getClaim("seller_id");
        if (sellerId == null || sellerId.isBlank()) {
            throw ProblemException.forbidden("The token has no seller_id claim.");
        }
        return sellerId;
    }

    /**
     * Sellers see their own resources only; anything else is "not found", never "forbidden", so ids of
     * other sellers' resources cannot be probed. Support agents see everything.
     */
    public void requireOwnerOrAgent(String ownerSellerId, String what, String id) {
        if (isSupportAgent()) {
            return;
        }
        if (!isSeller() || !sellerId().equals(ownerSellerId)) {
            throw ProblemException.notFound(what, id);
        }
    }
}
