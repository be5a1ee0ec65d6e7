package com.kingstonexpress.messaging.conversation.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.kingstonexpress.messaging.conversation.application.CustomerMessage;
import com.kingstonexpress.messaging.conversation.application.ReceiveCustomerMessage;
import com.kingstonexpress.platform.security.Roles;

/** Customer messages relayed by the storefront. */
@Path("/api/v1/customer-messages")
@Tag(name = "Messaging")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerMessagesResource {

    @Inject
    ReceiveCustomerMessage receiveCustomerMessage;

    @POST
    @RolesAllowed(Roles.STOREFRONT)
    @Operation(summary = "Receive a customer message", description = "Idempotent by messageId: a retry with the same content answers "
            + "the same 201 and stores nothing new; the same messageId with other content is 422. Unknown order 404; a customer "
            + "who is not the order's customer 422. Opens the order's conversation on its first message.")
    public Response receive(@Valid @NotNull CustomerMessageRequest request) {
        CustomerMessageView message = CustomerMessageView.of(receiveCustomerMessage.receive(
                new CustomerMessage(request.messageId(), request.orderId(), request.customerId(), request.body())));
        return Response.created(URI.create(ConversationsResource.messagePath(message.conversationId(), message.messageId())))
                .entity(message).build();
    }
}
