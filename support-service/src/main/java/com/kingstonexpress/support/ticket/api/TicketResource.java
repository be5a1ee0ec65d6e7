package com.kingstonexpress.support.ticket.api;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.idempotency.IdempotencyKeys;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.web.Cursors;
import com.kingstonexpress.platform.web.Page;
import com.kingstonexpress.support.ticket.domain.Advice;
import com.kingstonexpress.support.ticket.domain.Recommendation;
import com.kingstonexpress.support.ticket.domain.TicketActor;
import com.kingstonexpress.support.ticket.domain.TicketCategory;
import com.kingstonexpress.support.ticket.domain.TicketPriority;
import com.kingstonexpress.support.ticket.domain.TicketStatus;
import com.kingstonexpress.support.ticket.persistence.Ticket;
import com.kingstonexpress.support.ticket.persistence.TicketComment;
import com.kingstonexpress.support.ticket.persistence.TicketQueries;
import com.kingstonexpress.support.ticket.persistence.TimelineEntry;
import com.kingstonexpress.support.ticket.service.TicketDesk;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Support tickets: sellers open and follow their own, agents work the queue. */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final Set<TicketStatus> QUEUE = EnumSet.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS,
            TicketStatus.WAITING_ON_SELLER);

    @Inject
    Caller caller;
    @Inject
    TicketDesk desk;
    @Inject
    TicketQueries queries;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    ObjectMapper json;

    @POST
    @Path("/preflight")
    @RolesAllowed(Roles.SELLER)
    public TicketViews.PreflightAnswer preflight(@NotNull @Valid TicketRequests.Preflight request) {
        Advice advice = desk.preflight(caller.sellerId(), request.orderId(), request.category());
        return new TicketViews.PreflightAnswer(advice.recommendation().name(), advice.reason(), advice.ruleId(),
                advice.recommendation() != Recommendation.NOT_APPLICABLE);
    }

    @POST
    @RolesAllowed(Roles.SELLER)
    public Response open(@NotNull @Valid TicketRequests.OpenTicket request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        String sellerId = caller.sellerId();
        String actorId = caller.actorId();
        String scope = "tickets:" + actorId;
        IdempotencyKeys.StoredResponse response = QuarkusTransaction.requiringNew().call(() -> {
            if (idempotencyKey != null) {
                Optional<IdempotencyKeys.StoredResponse> replay = idempotencyKeys.claim(scope, idempotencyKey, write(request));
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            Ticket ticket = desk.openBySeller(sellerId, actorId, request.orderId(), request.category(), request.description());
            IdempotencyKeys.StoredResponse created = new IdempotencyKeys.StoredResponse(201,
                    "/api/v1/tickets/" + ticket.ticketId, write(detail(ticket)));
            if (idempotencyKey != null) {
                idempotencyKeys.complete(scope, idempotencyKey, created);
            }
            return created;
        });
        return Response.status(response.status()).location(URI.create(response.location()))
                .type(MediaType.APPLICATION_JSON).entity(response.body()).build();
    }

    /** A seller's own tickets, or (for agents) the queue: active tickets unless a status filter says otherwise. */
    @GET
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Transactional
    public Page<TicketViews.TicketSummary> list(@QueryParam("status") List<String> status,
            @QueryParam("category") String category, @QueryParam("priority") String priority,
            @QueryParam("orderId") String orderId, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        for (String s : status) {
            for (String part : s.split(",")) {
                statuses.add(parse(TicketStatus.class, "status", part.trim()));
            }
        }
        boolean agent = caller.isSupportAgent();
        if (statuses.isEmpty() && agent) {
            statuses = QUEUE;
        }
        TicketQueries.Filter filter = new TicketQueries.Filter(agent ? null : caller.sellerId(), statuses,
                category == null ? null : parse(TicketCategory.class, "category", category),
                priority == null ? null : parse(TicketPriority.class, "priority", priority), orderId);
        int pageSize = Cursors.limit(parseLimit(limit), DEFAULT_LIMIT, MAX_LIMIT);
        List<Ticket> tickets = queries.page(filter, after(cursor), pageSize + 1);
        boolean more = tickets.size() > pageSize;
        List<Ticket> items = more ? tickets.subList(0, pageSize) : tickets;
        String next = null;
        if (more) {
            Ticket last = items.get(items.size() - 1);
            next = Cursors.encode(Integer.toString(last.priorityRank), last.createdAt.toString(), last.ticketId);
        }
        return new Page<>(items.stream().map(TicketResource::summary).toList(), next);
    }

    @GET
    @Path("/{ticketId}")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Transactional
    public TicketViews.TicketDetail get(@PathParam("ticketId") String ticketId) {
        return detail(visible(ticketId));
    }

    @POST
    @Path("/{ticketId}/status")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Transactional
    public TicketViews.TicketDetail changeStatus(@PathParam("ticketId") String ticketId,
            @NotNull @Valid TicketRequests.ChangeStatus request) {
        Ticket ticket = visible(ticketId);
        TicketActor actor = caller.isSupportAgent() ? TicketActor.SUPPORT_AGENT : TicketActor.OWNER;
        return detail(desk.changeStatus(ticket, actor, caller.actorId(), request.status(), request.resolution()));
    }

    @POST
    @Path("/{ticketId}/comments")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Transactional
    public Response comment(@PathParam("ticketId") String ticketId, @NotNull @Valid TicketRequests.AddComment request) {
        Ticket ticket = visible(ticketId);
        String authorKind = caller.isSupportAgent() ? TicketComment.SUPPORT_AGENT : TicketComment.SELLER;
        TicketComment c = desk.comment(ticket, authorKind, caller.actorId(), request.body());
        return Response.created(URI.create("/api/v1/tickets/" + ticketId + "/comments/" + c.commentId))
                .entity(comment(c)).build();
    }

    @GET
    @Path("/{ticketId}/comments/{commentId}")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Transactional
    public TicketViews.Comment getComment(@PathParam("ticketId") String ticketId, @PathParam("commentId") String commentId) {
        visible(ticketId);
        TicketComment c = TicketComment.findById(commentId);
        if (c == null || !c.ticketId.equals(ticketId)) {
            throw ProblemException.notFound("Comment", commentId);
        }
        return comment(c);
    }

    /** The agent takes the ticket; an OPEN one is then IN_PROGRESS. It has no body, so any content type will do. */
    @POST
    @Path("/{ticketId}/assignment")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SUPPORT_AGENT)
    @Transactional
    public TicketViews.TicketDetail take(@PathParam("ticketId") String ticketId) {
        return detail(desk.take(desk.find(ticketId), caller.actorId()));
    }

    private Ticket visible(String ticketId) {
        Ticket ticket = Ticket.findById(ticketId);
        if (ticket == null) {
            throw ProblemException.notFound("Ticket", ticketId);
        }
        caller.requireOwnerOrAgent(ticket.sellerId, "Ticket", ticketId);
        return ticket;
    }

    private TicketViews.TicketDetail detail(Ticket t) {
        return new TicketViews.TicketDetail(t.ticketId, t.orderId, t.sellerId, t.category.name(), t.priority.name(),
                t.status.name(), t.description, new TicketViews.Actor(t.openedByKind, t.openedBy), t.assignee, t.resolution,
                t.createdAt, t.updatedAt, t.resolvedAt, t.closedAt, desk.reopenableUntil(t),
                new TicketViews.OrderSnapshot(t.orderType == null ? null : t.orderType.name(),
                        t.orderStatus == null ? null : t.orderStatus.name(), read(t.orderAttention, new TypeReference<>() {
                        })),
                read(t.timelineSnapshot, new TypeReference<List<TimelineEntry>>() {
                }),
                queries.comments(t.ticketId).stream().map(TicketResource::comment).toList(),
                queries.corrections(t.ticketId).stream().map(c -> new TicketViews.Correction(c.eventId,
                        c.from == null ? null : c.from.name(), c.to.name(), c.actorId, c.reason, c.changedAt)).toList());
    }

    private static TicketViews.TicketSummary summary(Ticket t) {
        return new TicketViews.TicketSummary(t.ticketId, t.orderId, t.sellerId, t.category.name(), t.priority.name(),
                t.status.name(), t.assignee, t.createdAt, t.updatedAt);
    }

    private static TicketViews.Comment comment(TicketComment c) {
        return new TicketViews.Comment(c.commentId, c.ticketId, c.authorKind, c.authorId, c.body, c.createdAt);
    }

    private static TicketQueries.After after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> parts = Cursors.decode(cursor, 3);
        try {
            return new TicketQueries.After(Integer.parseInt(parts.get(0)), Instant.parse(parts.get(1)), parts.get(2));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ProblemException.badRequest("The cursor is not valid; start again without one.");
        }
    }

    private static Integer parseLimit(String limit) {
        if (limit == null) {
            return null;
        }
        try {
            return Integer.valueOf(limit);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("limit must be a whole number.");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + " '" + value + "' is not one of " + EnumSet.allOf(type) + ".");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ticket snapshot unreadable", e);
        }
    }
}
