package com.kingstonexpress.platform.outbox;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.kingstonexpress.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** {@link ProbeConsumer}'s effect on its own topic, consumed a poll at a time ({@code batch=true}). */
@ApplicationScoped
public class BatchProbeConsumer {

    /** The topic of its channel ({@code probe-batch} in the tests' application.properties). */
    static final String TOPIC = "kx.platform-test.probe-batch.v1";

    @Inject
    InboundEvents inbound;
    @Inject
    ProbeConsumer probe;

    @Incoming("probe-batch")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> records) {
        return inbound.handleBatch("platform-test.probe-batch", records, probe::apply);
    }
}
