package com.kingstonexpress.support.ticket.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.kingstonexpress.support.ticket.domain.AuthorKind;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A comment on a ticket: the seller's, an agent's, or this service's own (SYSTEM) record of an event. */
@Entity
@Table(name = "ticket_comment")
public class TicketComment extends PanacheEntityBase {

    @Id
    @Column(name = "comment_id")
    public String commentId;
    @Column(name = "ticket_id", nullable = false)
    public String ticketId;
    @Enumerated(EnumType.STRING)
    @Column(name = "author_kind")
    public AuthorKind authorKind;
    @Column(name = "author_id")
    public String authorId;
    public String body;
    /** what caused a system comment (e.g. {@code escalation:<messageId>}); unique, so it is added once */
    @Column(name = "source_key")
    public String sourceKey;
    @Column(name = "created_at")
    public Instant createdAt;
}
