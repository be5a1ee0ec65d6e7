package com.kingstonexpress.platform.outbox;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * A consumer written the way services write theirs; its effect is a counter per subject. It takes the whole
 * record, so CloudEvents in binary mode (attributes in {@code ce_*} headers) are read as well as structured ones.
 */
@ApplicationScoped
public class ProbeConsumer {

    /** The topic of its channel ({@code probe} in the tests' application.properties). */
    public static final String TOPIC = "kx.platform-test.probe.v1";

    @Inject
    InboundEvents inbound;
    @Inject
    EntityManager em;

    @Incoming("probe")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecord<String, String> record) {
        return inbound.handle("platform-test.probe", record, this::apply);
    }

    /** Counts one application of the event for its subject; refuses an event marked poison. */
    void apply(EventEnvelope event) {
        if (event.data().path("poison").asBoolean()) {
            throw new PoisonEventException("probe refuses events marked poison");
        }
        em.createNativeQuery("""
                INSERT INTO probe_effect (subject, applied) VALUES (?1, 1)
                ON CONFLICT (subject) DO UPDATE SET applied = probe_effect.applied + 1""")
                .setParameter(1, event.subject()).executeUpdate();
    }

    /** A probe event in structured mode, as the outbox writes events; one marked {@code poison} is refused. */
    static String event(String id, String subject, boolean poison) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kx/test","type":"com.kingstonexpress.test.probe.v1",
                 "subject":"%s","time":"2026-11-28T10:00:00Z","datacontenttype":"application/json","sequence":1,
                 "data":{"poison":%s}}""".formatted(id, subject, poison);
    }

    /** How many of the subject's events either probe consumer applied. */
    int applied(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("SELECT applied FROM probe_effect WHERE subject = ?1").setParameter(1, subject).getResultList();
            return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
        });
    }
}
