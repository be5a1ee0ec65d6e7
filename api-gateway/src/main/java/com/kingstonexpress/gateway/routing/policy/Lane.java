package com.kingstonexpress.gateway.routing.policy;

/**
 * The kinds of traffic the gateway sends to a service. Each has its own connection pool and its own
 * circuit breaker per service, so unauthenticated webhooks, probes, the OpenAPI documents and the
 * dashboard can neither starve authenticated traffic of connections nor open its breaker.
 */
public enum Lane {
    /** Authenticated requests proxied to a service. */
    PROXY,
    /** Unauthenticated, signed webhook requests (centers and carriers) proxied to fulfillment-service. */
    WEBHOOK,
    /** The dashboard's parallel calls. */
    DASHBOARD,
    /** Readiness probes of the services. */
    PROBE,
    /** The services' OpenAPI documents. */
    DOCUMENTS
}
