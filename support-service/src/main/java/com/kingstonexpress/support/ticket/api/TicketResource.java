package com.kingstonexpress.support.ticket.api;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
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
import com.kingstonexpress.platform.web.QueryParams;
import com.kingstonexpress.support.ticket.application.ChangeTicketStatus;
import com.kingstonexpress.support.ticket.application.CommentOnTicket;
import com.kingstonexpress.support.ticket.application.OpenTicket;
import com.kingstonexpress.support.ticket.application.Requester;
import com.kingstonexpress.support.ticket.application.TakeTicket;
import com.kingstonexpress.support.ticket.application.TicketPreflight;
import com.kingstonexpress.support.ticket.application.TicketReads;
import com.kingstonexpress.support.ticket.domain.Advice;
import com.kingstonexpress.support.ticket.domain.AuthorKind;
import com.kingstonexpress.support.ticket.domain.Recommendation;
import com.kingstonexpress.support.ticket.domain.TicketCategory;
import com.kingstonexpress.support.ticket.domain.TicketPriority;
import com.kingstonexpress.support.ticket.domain.TicketStatus;
import com.kingstonexpress.support.ticket.persistence.Ticket;
import com.kingstonexpress.support.ticket.persistence.TicketComment;
import com.kingstonexpress.support.ticket.persistence.TicketQueries;
import com.kingstonexpress.support.ticket.persistence.TimelineEntry;

/** Support tickets: sellers open and follow their own, agents work the queue. */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final Set<TicketStatus> QUEUE = EnumSet.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS,
            TicketStatus.WAITING_ON_SELLER);
    /**
     * What a seller sees in place of an agent's id (#12 L5): staff identities (often e-mail addresses) are for staff.
     * The role, not null, so that an assigned ticket still reads as assigned.
     */
    static final String STAFF_ALIAS = AuthorKind.SUPPORT_AGENT.name();

    @Inject
    Caller caller;
    @Inject
    TicketPreflight preflight;
    @Inject
    OpenTicket openTicket;
    @Inject
    ChangeTicketStatus changeTicketStatus;
    @Inject
    CommentOnTicket commentOnTicket;
    @Inject
    TakeTicket takeTicket;
    @Inject
    TicketReads reads;
    @Inject
    ObjectMapper json;

    @POST
    @Path("/preflight")
    @RolesAllowed(Roles.SELLER)
    public TicketViews.PreflightAnswer preflight(@NotNull @Valid TicketRequests.Preflight request) {
        Advice advice = preflight.ask(new TicketPreflight.Question(caller.sellerId(), request.orderId(), request.category()));
        return new TicketViews.PreflightAnswer(advice.recommendation().name(), advice.reason(), advice.ruleId(),
                advice.recommendation() != Recommendation.NOT_APPLICABLE);
    }

    @POST
    @RolesAllowed(Roles.SELLER)
    public Response open(@NotNull @Valid TicketRequests.OpenTicket request,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        OpenTicket.Command command = new OpenTicket.Command(caller.sellerId(), caller.actorId(), request.orderId(),
                request.category(), request.description());
        IdempotencyKeys.StoredResponse response = openTicket.open(command, idempotencyKey,
                ticket -> new IdempotencyKeys.StoredResponse(201, "/api/v1/tickets/" + ticket.ticketId, write(detail(ticket))));
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
                TicketStatus one = QueryParams.enumValue("status", part, TicketStatus.class);
                if (one == null) {
                    throw ProblemException.badRequest("status must not be empty.");
                }
                statuses.add(one);
            }
        }
        boolean agent = caller.isSupportAgent();
        if (statuses.isEmpty() && agent) {
            statuses = QUEUE;
        }
        TicketQueries.Filter filter = new TicketQueries.Filter(agent ? null : caller.sellerId(), statuses,
                QueryParams.enumValue("category", category, TicketCategory.class),
                QueryParams.enumValue("priority", priority, TicketPriority.class), orderId);
        int pageSize = Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        TicketQueries.After after = Cursors.decode(cursor, 3,
                parts -> new TicketQueries.After(Integer.parseInt(parts.get(0)), Instant.parse(parts.get(1)), parts.get(2)));
        return Page.keyset(reads.page(filter, after, pageSize + 1), pageSize,
                last -> Cursors.encode(Integer.toString(last.priorityRank), last.createdAt.toString(), last.ticketId))
                .map(t -> summary(t, agent));
    }

    @GET
    @Path("/{ticketId}")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Transactional
    public TicketViews.TicketDetail get(@PathParam("ticketId") String ticketId) {
        return detail(reads.visible(ticketId, requester()));
    }

    @POST
    @Path("/{ticketId}/status")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Transactional
    public TicketViews.TicketDetail changeStatus(@PathParam("ticketId") String ticketId,
            @NotNull @Valid TicketRequests.ChangeStatus request) {
        return detail(changeTicketStatus.change(new ChangeTicketStatus.Command(ticketId, requester(), request.status(),
                request.resolution())));
    }

    @POST
    @Path("/{ticketId}/comments")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Transactional
    public Response comment(@PathParam("ticketId") String ticketId, @NotNull @Valid TicketRequests.AddComment request) {
        TicketComment c = commentOnTicket.comment(new CommentOnTicket.Command(ticketId, requester(), request.body()));
        return Response.created(URI.create("/api/v1/tickets/" + ticketId + "/comments/" + c.commentId))
                .entity(comment(c)).build();
    }

    @GET
    @Path("/{ticketId}/comments/{commentId}")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Transactional
    public TicketViews.Comment getComment(@PathParam("ticketId") String ticketId, @PathParam("commentId") String commentId) {
        return comment(reads.comment(ticketId, commentId, requester()));
    }

    /** The agent takes the ticket; an OPEN one is then IN_PROGRESS. It has no body, so any content type will do. */
    @POST
    @Path("/{ticketId}/assignment")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SUPPORT_AGENT)
    @Transactional
    public TicketViews.TicketDetail take(@PathParam("ticketId") String ticketId) {
        return detail(takeTicket.take(new TakeTicket.Command(ticketId, caller.actorId())));
    }

    /** Agents see every ticket; anyone else is judged as the seller their token names. */
    private Requester requester() {
        return caller.isSupportAgent() ? Requester.agent(caller.actorId()) : Requester.seller(caller.sellerId(), caller.actorId());
    }

    private TicketViews.TicketDetail detail(Ticket t) {
        boolean staff = caller.isSupportAgent();
        return new TicketViews.TicketDetail(t.ticketId, t.orderId, t.sellerId, t.category.name(), t.priority.name(),
                t.status.name(), t.description,
                new TicketViews.Actor(t.openedByKind.name(), shown(staff, t.openedByKind.name(), t.openedBy)),
                t.assignee == null || staff ? t.assignee : STAFF_ALIAS,
                t.resolution, t.createdAt, t.updatedAt, t.resolvedAt, t.closedAt, reads.reopenableUntil(t),
                new TicketViews.OrderSnapshot(t.orderType == null ? null : t.orderType.name(),
                        t.orderStatus == null ? null : t.orderStatus.name(), read(t.orderAttention, new TypeReference<>() {
                        })),
                read(t.timelineSnapshot, new TypeReference<List<TimelineEntry>>() {
                }).stream().map(e -> staff ? e : new TimelineEntry(e.from(), e.to(), e.actorKind(),
                        shown(false, e.actorKind(), e.actorId()), e.reason(), e.eventId(), e.sequence(), e.at())).toList(),
                reads.comments(t.ticketId).stream().map(c -> comment(c, staff)).toList(),
                // Corrections are made by support agents only (order-service's status-corrections endpoint).
                reads.corrections(t.ticketId).stream().map(c -> new TicketViews.Correction(c.eventId,
                        c.from == null ? null : c.from.name(), c.to.name(), staff ? c.actorId : STAFF_ALIAS, c.reason,
                        c.changedAt)).toList());
    }

    private static TicketViews.TicketSummary summary(Ticket t, boolean staff) {
        return new TicketViews.TicketSummary(t.ticketId, t.orderId, t.sellerId, t.category.name(), t.priority.name(),
                t.status.name(), t.assignee == null || staff ? t.assignee : STAFF_ALIAS, t.createdAt, t.updatedAt);
    }

    private TicketViews.Comment comment(TicketComment c) {
        return comment(c, caller.isSupportAgent());
    }

    private static TicketViews.Comment comment(TicketComment c, boolean staff) {
        return new TicketViews.Comment(c.commentId, c.ticketId, c.authorKind.name(),
                shown(staff, c.authorKind.name(), c.authorId), c.body, c.createdAt);
    }

    /** An actor's id as the caller may see it: an agent's id only to agents. */
    private static String shown(boolean staff, String actorKind, String actorId) {
        return staff || !AuthorKind.SUPPORT_AGENT.name().equals(actorKind) ? actorId : STAFF_ALIAS;
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
