package com.kingstonexpress.messaging.conversation.events;

/**
 * Where messaging-service publishes (subject and key = orderId). The types are the records' own:
 * {@link CustomerMessageReceived#TYPE}, {@link SellerReplied#TYPE}, {@link EscalationDetected#TYPE}.
 */
public final class MessagingEventTypes {

    public static final String TOPIC = "kx.messaging.v1";

    private MessagingEventTypes() {
    }
}
