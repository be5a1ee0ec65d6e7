package com.kingstonexpress.gateway.edge.policy;

import java.util.Set;

/**
 * What the edge demands of a request before it is proxied. Services check again (defense in depth);
 * the edge only saves them traffic that can never succeed.
 *
 * @param signedWebhook the sender signs the body ({@code X-KX-Signature}); fulfillment-service verifies it,
 *                      the gateway only checks that the header is there
 * @param roles         any one of these roles is enough; empty means any authenticated caller
 * @param refused       no rule names the request: nobody passes (default-deny)
 */
public record Access(boolean signedWebhook, Set<String> roles, boolean refused) {

    public static Access webhook() {
        return new Access(true, Set.of(), false);
    }

    public static Access anyAuthenticated() {
        return new Access(false, Set.of(), false);
    }

    public static Access roles(String... roles) {
        return new Access(false, Set.of(roles), false);
    }

    /** For a method and path no rule names: refused at the edge, whoever calls. */
    public static Access denied() {
        return new Access(false, Set.of(), true);
    }

    /** Whether a caller holding {@code callerRoles} may pass. */
    public boolean admits(Set<String> callerRoles) {
        return !refused && (roles.isEmpty() || roles.stream().anyMatch(callerRoles::contains));
    }
}
