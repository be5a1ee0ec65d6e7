package com.kingstonexpress.support.ticket.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "ticket_comment")
public class TicketComment extends PanacheEntityBase {

    public static final String SELLER = "SELLER";
    public static final String SUPPORT_AGENT = "SUPPORT_AGENT";
    public static final String SYSTEM = "SYSTEM";

    @Id
    @Column(name = "comment_id")
    public String commentId;
    @Column(name = "ticket_id", nullable = false)
    public String ticketId;
    /** SELLER, SUPPORT_AGENT or SYSTEM */
    @Column(name = "author_kind")
    public String authorKind;
    @Column(name = "author_id")
    public String authorId;
    public String body;
    /** what caused a system comment (e.g. {@code escalation:<messageId>}); unique, so it is added once */
    @Column(name = "source_key")
    public String sourceKey;
    @Column(name = "created_at")
    public Instant createdAt;
}
