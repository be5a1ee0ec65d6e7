package com.kingstonexpress.support.ticket.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.kingstonexpress.support.order.domain.OrderStatus;
import com.kingstonexpress.support.order.domain.OrderType;
import com.kingstonexpress.support.ticket.domain.AuthorKind;
import com.kingstonexpress.support.ticket.domain.TicketCategory;
import com.kingstonexpress.support.ticket.domain.TicketPriority;
import com.kingstonexpress.support.ticket.domain.TicketStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A support ticket; agents, the owner and the event consumers write it concurrently, hence the version. */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "order_id", nullable = false)
    public String orderId;
    @Column(name = "seller_id", nullable = false)
    public String sellerId;
    @Enumerated(EnumType.STRING)
    public TicketCategory category;
    @Enumerated(EnumType.STRING)
    public TicketPriority priority;
    @Column(name = "priority_rank")
    public short priorityRank;
    @Enumerated(EnumType.STRING)
    public TicketStatus status;
    public String description;
    /** SELLER when the seller opened it, SYSTEM when an escalation detected by messaging did */
    @Enumerated(EnumType.STRING)
    @Column(name = "opened_by_kind")
    public AuthorKind openedByKind;
    @Column(name = "opened_by")
    public String openedBy;
    public String assignee;
    public String resolution;
    @Enumerated(EnumType.STRING)
    @Column(name = "order_type")
    public OrderType orderType;
    @Enumerated(EnumType.STRING)
    @Column(name = "order_status")
    public OrderStatus orderStatus;
    /** JSON array of the attention flags raised on the order when the ticket was opened */
    @Column(name = "order_attention")
    public String orderAttention;
    /** JSON array of the order's status changes when the ticket was opened */
    @Column(name = "timeline_snapshot")
    public String timelineSnapshot;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Version
    public long version;
}
