package com.kingstonexpress.gateway.edge.api;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.kingstonexpress.platform.web.RequestIds;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway names every request itself: a new {@code X-Request-Id} for each one, on every route (the
 * proxy, the dashboard, health, OpenAPI), sent to the services and echoed to the caller. A caller's own
 * {@code X-Request-Id} is never taken as the id (anyone could make their traffic share another request's
 * id); if it is a sane token it travels separately as {@code X-Client-Request-Id}, to the services and
 * back to the caller, so the caller can still correlate.
 */
@ApplicationScoped
public class RequestIdRoute {

    public static final String CLIENT_HEADER = "X-Client-Request-Id";
    private static final String CONTEXT_KEY = "kx.requestId";
    /** First of all routes, so every later route (and the platform's RequestIdFilter) sees the gateway's id. */
    private static final int ORDER = -10_000;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::name);
    }

    void name(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        String offered = in.getHeader(RequestIds.HEADER);
        String id = UUID.randomUUID().toString();
        in.headers().remove(CLIENT_HEADER);
        if (offered != null && offered.equals(RequestIds.acceptOrCreate(offered))) {
            in.headers().set(CLIENT_HEADER, offered);
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set(CLIENT_HEADER, offered));
        }
        in.headers().set(RequestIds.HEADER, id);
        ctx.put(CONTEXT_KEY, id);
        // Set (not added) as the head is written: the platform's RequestIdFilter on the dashboard sets the same id.
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestIds.HEADER, id));
        ctx.next();
    }

    /** The gateway's id of this request. */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(CONTEXT_KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
