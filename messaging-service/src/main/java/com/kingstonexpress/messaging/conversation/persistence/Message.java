package com.kingstonexpress.messaging.conversation.persistence;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

import com.kingstonexpress.messaging.conversation.domain.AuthorKind;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One message of a conversation; never changed once written. */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    @Id
    @Column(name = "message_id")
    public String messageId;
    @Generated
    @Column(insertable = false, updatable = false)
    public Long position;
    @Column(name = "conversation_id", nullable = false, updatable = false)
    public String conversationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "author_kind", nullable = false, updatable = false)
    public AuthorKind authorKind;
    @Column(name = "author_id", nullable = false, updatable = false)
    public String authorId;
    @Column(nullable = false, updatable = false)
    public String body;
    @Column(name = "sent_at", nullable = false, updatable = false)
    public OffsetDateTime sentAt;
    @Column(name = "acknowledged_warnings", nullable = false)
    String acknowledgedWarnings = "";
    @Column(name = "escalation_signals", nullable = false)
    String escalationSignals = "";

    public List<String> acknowledgedWarnings() {
        return split(acknowledgedWarnings);
    }

    public void acknowledgedWarnings(Collection<String> ruleIds) {
        acknowledgedWarnings = join(ruleIds);
    }

    public List<String> escalationSignals() {
        return split(escalationSignals);
    }

    public void escalationSignals(Collection<String> signals) {
        escalationSignals = join(signals);
    }

    public static List<Message> ofConversation(String conversationId) {
        return list("conversationId = ?1 order by position", conversationId);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static String join(Collection<String> values) {
        return values.stream().sorted().collect(Collectors.joining(","));
    }
}
