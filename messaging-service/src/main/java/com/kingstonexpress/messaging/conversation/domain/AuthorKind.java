package com.kingstonexpress.messaging.conversation.domain;

/** Who wrote a message in an order's conversation (actor kinds CUSTOMER and SELLER). */
public enum AuthorKind {
    CUSTOMER,
    SELLER
}
