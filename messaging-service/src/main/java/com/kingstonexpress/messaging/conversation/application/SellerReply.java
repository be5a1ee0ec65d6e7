package com.kingstonexpress.messaging.conversation.application;

import java.util.List;

/**
 * A seller's reply to send on a conversation; {@code acknowledgedWarnings} lists the WARN rule ids the seller sends
 * despite. {@code actorId} is who wrote it (the seller or one of their staff).
 */
public record SellerReply(String sellerId, String actorId, String conversationId, String body, List<String> acknowledgedWarnings) {

    public SellerReply {
        acknowledgedWarnings = acknowledgedWarnings == null ? List.of() : List.copyOf(acknowledgedWarnings);
    }
}
