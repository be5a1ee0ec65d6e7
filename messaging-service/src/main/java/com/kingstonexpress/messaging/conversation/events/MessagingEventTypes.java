package com.kingstonexpress.messaging.conversation.events;

/** What messaging-service publishes on kx.messaging.v1 (subject = orderId). */
public final class MessagingEventTypes {

    public static final String TOPIC = "kx.messaging.v1";
    public static final String CUSTOMER_MESSAGE_RECEIVED = "com.kingstonexpress.messaging.customer-message-received.v1";
    public static final String SELLER_REPLIED = "com.kingstonexpress.messaging.seller-replied.v1";
    public static final String ESCALATION_DETECTED = "com.kingstonexpress.messaging.escalation-detected.v1";

    private MessagingEventTypes() {
    }
}
