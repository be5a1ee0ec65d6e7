package com.kingstonexpress.messaging.conversation.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.kingstonexpress.messaging.reply.domain.Finding;
import com.kingstonexpress.platform.metrics.KxMetrics;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts reply-check findings ({@code kx_reply_check_findings_total{rule, severity, step}}): {@code step} is
 * {@code check} for a seller's check of a draft, {@code send} for a reply the seller sent or tried to send.
 */
@ApplicationScoped
public class ReplyFindingsCount {

    @Inject
    MeterRegistry registry;

    void count(List<Finding> findings, String step) {
        for (Finding f : findings) {
            registry.counter(KxMetrics.REPLY_CHECK_FINDINGS, "rule", f.ruleId(), "severity", f.severity().name(), "step", step)
                    .increment();
        }
    }
}
