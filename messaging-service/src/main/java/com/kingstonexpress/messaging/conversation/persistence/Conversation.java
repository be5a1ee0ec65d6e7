package com.kingstonexpress.messaging.conversation.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.kingstonexpress.messaging.conversation.domain.ReplyTiming;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The one conversation of an order, with what response-time tracking needs kept up to date. */
@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase {

    @Id
    @Column(name = "conversation_id")
    public String conversationId;
    @Column(name = "order_id", nullable = false, updatable = false)
    public String orderId;
    @Column(name = "seller_id", nullable = false, updatable = false)
    public String sellerId;
    @Column(name = "customer_id", nullable = false, updatable = false)
    public String customerId;
    @Column(name = "opened_at", nullable = false, updatable = false)
    public OffsetDateTime openedAt;
    @Column(name = "last_message_at", nullable = false)
    public OffsetDateTime lastMessageAt;
    @Column(name = "first_customer_message_at", nullable = false)
    public OffsetDateTime firstCustomerMessageAt;
    @Column(name = "awaiting_since")
    public OffsetDateTime awaitingSince;
    @Column(name = "waiting_messages", nullable = false)
    public int waitingMessages;
    @Column(name = "first_reply_at")
    public OffsetDateTime firstReplyAt;
    @Column(name = "first_reply_seconds")
    public Long firstReplySeconds;
    @Version
    public long version;

    public boolean awaitingReply() {
        return waitingMessages > 0;
    }

    /** A customer message now waits for the seller; the oldest waiting one sets the clock. */
    public void customerMessageArrived(OffsetDateTime at) {
        lastMessageAt = at;
        waitingMessages++;
        if (awaitingSince == null) {
            awaitingSince = at;
        }
    }

    /** The seller answered everything waiting. */
    public ReplyTiming sellerReplied(OffsetDateTime at) {
        boolean first = firstReplyAt == null;
        ReplyTiming timing = ReplyTiming.of(first, awaitingSince, at);
        if (first) {
            firstReplyAt = at;
            firstReplySeconds = ReplyTiming.of(true, firstCustomerMessageAt, at).responseSeconds();
        }
        lastMessageAt = at;
        waitingMessages = 0;
        awaitingSince = null;
        return timing;
    }
}
