package com.kingstonexpress.notification.feed.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.kingstonexpress.notification.config.NotificationConfig;
import com.kingstonexpress.notification.feed.persistence.NotificationStore;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The live stream for the web app: the seller's notifications (and platform-wide ones) as Server-Sent
 * Events, each with its feed position as {@code id}. A client that reconnects with {@code Last-Event-ID}
 * (or {@code ?lastEventId=}) gets everything after that position, in order, without gaps: positions
 * become visible in order (NotificationStore). Without one, the stream starts with what happens next.
 */
@Path("/api/v1/notifications")
public class NotificationStreamResource {

    private static final int BATCH = 200;

    @Inject
    Caller caller;
    @Inject
    NotificationStore store;
    @Inject
    NotificationConfig config;

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Roles.SELLER)
    @Blocking
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @QueryParam("lastEventId") String lastEventIdQuery, @Context Sse sse) {
        String sellerId = caller.sellerId();
        String given = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader : lastEventIdQuery;
        AtomicLong position = new AtomicLong(given == null || given.isBlank() ? store.latestPosition() : parse(given));
        long heartbeatNanos = config.stream().heartbeat().toNanos();
        AtomicLong lastWrite = new AtomicLong(System.nanoTime());
        Duration poll = config.stream().pollInterval();

        Multi<OutboundSseEvent> opened = Multi.createFrom().item(sse.newEventBuilder().comment("stream open").build());
        Multi<OutboundSseEvent> live = Multi.createFrom().ticks().every(poll)
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToMultiAndConcatenate(tick -> {
                    List<OutboundSseEvent> events = new ArrayList<>();
                    for (NotificationStore.Stored n : store.after(sellerId, position.get(), BATCH)) {
                        events.add(sse.newEventBuilder().id(Long.toString(n.position())).mediaType(MediaType.TEXT_PLAIN_TYPE)
                                .data(String.class, n.body()).build());
                        position.set(n.position());
                    }
                    long now = System.nanoTime();
                    if (!events.isEmpty()) {
                        lastWrite.set(now);
                    } else if (now - lastWrite.get() >= heartbeatNanos) {
                        lastWrite.set(now);
                        events.add(sse.newEventBuilder().comment("keep-alive").build());
                    }
                    return Multi.createFrom().iterable(events);
                });
        return Multi.createBy().concatenating().streams(opened, live);
    }

    private static long parse(String lastEventId) {
        try {
            long p = Long.parseLong(lastEventId.trim());
            if (p < 0) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Last-Event-ID must be the id of an event of this stream (a whole number).");
        }
    }
}
