package com.kingstonexpress.messaging.conversation.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import com.kingstonexpress.messaging.conversation.application.CheckReply;
import com.kingstonexpress.messaging.conversation.application.ConversationReads;
import com.kingstonexpress.messaging.conversation.application.DraftReply;
import com.kingstonexpress.messaging.conversation.application.ListConversations;
import com.kingstonexpress.messaging.conversation.application.ReplyCheckResult;
import com.kingstonexpress.messaging.conversation.application.SellerReply;
import com.kingstonexpress.messaging.conversation.application.SendSellerReply;
import com.kingstonexpress.messaging.conversation.persistence.Conversation;
import com.kingstonexpress.platform.security.Caller;
import com.kingstonexpress.platform.security.Roles;
import com.kingstonexpress.platform.web.Cursors;
import com.kingstonexpress.platform.web.Page;

/** A seller's conversations with customers; another seller's conversation is "not found". */
@Path("/api/v1/conversations")
@Tag(name = "Messaging")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    /** One line per conversation read by a support agent (#12 L7): who read which, never what it says. */
    static final Logger AUDIT = Logger.getLogger("com.kingstonexpress.messaging.audit");

    @Inject
    ConversationReads reads;
    @Inject
    CheckReply checkReply;
    @Inject
    DraftReply draftReply;
    @Inject
    SendSellerReply sendSellerReply;
    @Inject
    Caller caller;

    static String messagePath(String conversationId, String messageId) {
        return "/api/v1/conversations/" + conversationId + "/messages/" + messageId;
    }

    @GET
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "The seller's conversations",
            description = "Newest first; filters orderId and awaitingReply; {items, nextCursor}.")
    public Page<ConversationSummary> list(@QueryParam("orderId") @Size(max = 100) String orderId,
            @QueryParam("awaitingReply") @Pattern(regexp = "true|false", message = "must be true or false") String awaitingReply,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") @Size(max = 500) String cursor) {
        return reads.list(new ListConversations(caller.sellerId(), orderId, awaitingReply == null ? null : Boolean.valueOf(awaitingReply),
                cursor, Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT))).map(ConversationSummary::of);
    }

    @GET
    @Path("/{conversationId}")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Operation(summary = "A conversation with its messages, the order's type and status, and any slowdown covering the order")
    public ConversationDetail get(@PathParam("conversationId") String conversationId) {
        return ConversationDetail.of(reads.conversation(conversationId, c -> mayRead(c, null)));
    }

    @GET
    @Path("/{conversationId}/messages/{messageId}")
    @RolesAllowed({ Roles.SELLER, Roles.SUPPORT_AGENT })
    @Operation(summary = "One message of a conversation")
    public MessageView message(@PathParam("conversationId") String conversationId, @PathParam("messageId") String messageId) {
        return MessageView.of(reads.message(conversationId, messageId, c -> mayRead(c, messageId)));
    }

    @POST
    @Path("/{conversationId}/reply-check")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Check a reply without sending it",
            description = "findings[{ruleId, severity BLOCK|WARN, excerpt, reason, suggestion}]")
    public ReplyCheckResult check(@PathParam("conversationId") String conversationId, @Valid @NotNull ReplyCheckRequest request) {
        return checkReply.check(caller.sellerId(), conversationId, request.body());
    }

    @POST
    @Path("/{conversationId}/draft-reply")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Draft a reply to the latest customer message from the order's facts",
            description = "Status and what it means, the latest tracking update and carrier, a typical window worded as an estimate, "
                    + "any slowdown covering the order, and the next step. The draft always passes the reply check (shown in check). "
                    + "Stores and sends nothing. 409 no-customer-message when there is nothing to answer.")
    @Consumes(MediaType.WILDCARD)
    public DraftReplyView draftReply(@PathParam("conversationId") String conversationId) {
        return DraftReplyView.of(draftReply.draft(caller.sellerId(), conversationId));
    }

    @POST
    @Path("/{conversationId}/messages")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Send a reply", description = "201 with the stored message; 422 with findings when a BLOCK finding or an "
            + "unacknowledged WARN finding stops it (nothing is stored then).")
    public Response reply(@PathParam("conversationId") String conversationId, @Valid @NotNull ReplyRequest request) {
        MessageView sent = MessageView.of(sendSellerReply.send(
                new SellerReply(caller.sellerId(), caller.actorId(), conversationId, request.body(), request.acknowledgedWarnings())));
        return Response.created(URI.create(messagePath(conversationId, sent.messageId()))).entity(sent).build();
    }

    /**
     * The owner, or any support agent: agents support every seller, so they may read any conversation (a product
     * decision, README). Their customers' messages are personal data, so every read an agent is let into is audited.
     */
    private boolean mayRead(Conversation conversation, String messageId) {
        if (caller.isSupportAgent()) {
            // Ids only (the path's messageId has passed the platform's control-character filter): no message text.
            AUDIT.infof("agent-read agentSub=%s conversationId=%s orderId=%s sellerId=%s messageId=%s", caller.actorId(),
                    conversation.conversationId, conversation.orderId, conversation.sellerId, messageId == null ? "-" : messageId);
            return true;
        }
        return caller.isSeller() && caller.sellerId().equals(conversation.sellerId);
    }
}
