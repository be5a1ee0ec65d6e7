package com.kingstonexpress.fulfillment.tracking.api;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.tracking.application.IngestTrackingEvents;
import com.kingstonexpress.fulfillment.tracking.config.WebhookConfig;
import com.kingstonexpress.fulfillment.tracking.domain.BatchOutcome;
import com.kingstonexpress.fulfillment.tracking.domain.Sender;
import com.kingstonexpress.fulfillment.tracking.domain.WebhookReceipt;
import com.kingstonexpress.platform.metrics.KxMetrics;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.problem.Problems;
import com.kingstonexpress.platform.security.WebhookSignature;

/**
 * What every webhook request passes before anything is stored: size, then the sender's signature over the
 * raw bytes (before they are even parsed), then the shape of the batch; then the batch is ingested once per
 * signature and answered 202 with its receipt. A retry of the same bytes under the same signature (a sender that
 * timed out) gets that same receipt, and stores nothing more.
 */
@ApplicationScoped
public class WebhookGate {

    private static final Logger LOG = Logger.getLogger(WebhookGate.class);

    @Inject
    WebhookConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    @Inject
    IngestTrackingEvents ingestion;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;

    /** Checks, parses and ingests one signed batch of {@code sender}, whose secret is among {@code senders}. */
    <I extends EventItem, B extends EventItem.Batch<I>> Response receive(Sender sender,
            Map<String, WebhookConfig.SenderSecret> senders, String signature, byte[] body, Class<B> type) {
        String outcome = "failed";
        try {
            String canonicalSignature = verify(senders, sender.id(), signature, body);
            B batch = batch(body, type);
            IngestTrackingEvents.Signed signed = ingestion.signed(sender, canonicalSignature, sha256(body),
                    batch.events().stream().map(item -> item.received(sender.id())).toList(),
                    ingested -> new WebhookReceipt(Response.Status.ACCEPTED.getStatusCode(), receiptJson(ingested)))
                    .orElse(null);
            if (signed == null) {
                outcome = "replayed";
                throw replayed();
            }
            outcome = signed.retry() ? "retried" : "accepted";
            // The stored JSON text itself, for the first delivery too: a retry's answer is byte for byte the same.
            return Response.status(signed.receipt().status())
                    .entity(signed.receipt().body())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        } catch (ProblemException e) {
            if (!"replayed".equals(outcome)) {
                outcome = switch (e.problem().getStatus()) {
                    case 401 -> "bad_signature";
                    case 413 -> "too_large";
                    case 400 -> "malformed";
                    default -> "failed";
                };
            }
            throw e;
        } finally {
            // kx_webhook_receipts_total{sender=center|carrier, outcome}: the sender's kind, never its id.
            registry.counter(KxMetrics.WEBHOOK_RECEIPTS, "sender", sender.kind().name().toLowerCase(java.util.Locale.ROOT),
                    "outcome", outcome).increment();
        }
    }

    /**
     * @return the signature in its canonical form, the key under which the request may be accepted once
     * @throws ProblemException 413 when the body is too large; 401 for an unknown sender, a wrong or stale
     *                          signature (the answer does not say which, so it teaches an attacker nothing)
     */
    String verify(Map<String, WebhookConfig.SenderSecret> senders, String senderId, String header, byte[] body) {
        if (body.length > config.maxBodyBytes()) {
            throw tooLarge();
        }
        WebhookConfig.SenderSecret sender = senders.get(senderId);
        String secret = sender == null ? null : sender.secret();
        WebhookSignature.Verdict verdict = WebhookSignature.verify(secret, header, body, clock.instant());
        if (!verdict.valid()) {
            LOG.warnf("webhook from %s refused: %s", Sender.loggable(senderId), verdict.reason());
            throw unauthorized();
        }
        return WebhookSignature.sign(secret, Instant.ofEpochSecond(verdict.timestamp()), body);
    }

    /** Parses and checks a batch; 400 with the violations when malformed, 413 when it has too many events. */
    <I extends EventItem, B extends EventItem.Batch<I>> B batch(byte[] body, Class<B> type) {
        B batch;
        try {
            batch = json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw malformed(List.of(new Problems.Violation("", "the body is not a JSON batch of events: "
                    + e.getOriginalMessage())));
        } catch (IOException e) {
            throw malformed(List.of(new Problems.Violation("", "the body could not be read")));
        }
        if (batch == null) {
            throw malformed(List.of(new Problems.Violation("events", "must not be empty")));
        }
        List<I> items = batch.events();
        if (items != null && items.size() > config.maxEvents()) {
            throw tooLarge();
        }
        List<Problems.Violation> violations = new ArrayList<>();
        validator.validate(batch).stream()
                .sorted(Comparator.comparing((ConstraintViolation<B> v) -> v.getPropertyPath().toString()))
                .forEach(v -> violations.add(new Problems.Violation(v.getPropertyPath().toString(), v.getMessage())));
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                String problem = items.get(i) == null ? null : EventLimits.detailsProblem(items.get(i).details());
                if (problem != null) {
                    violations.add(new Problems.Violation("events[" + i + "].details", problem));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw malformed(violations);
        }
        return batch;
    }

    private String receiptJson(BatchOutcome ingested) {
        try {
            return json.writeValueAsString(BatchReceipt.of(ingested));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch receipt could not be written as JSON", e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProblemException replayed() {
        LOG.warn("webhook refused: signature already used with other bytes (or before receipts were kept)");
        return unauthorized();
    }

    private static ProblemException unauthorized() {
        return new ProblemException(Problems.invalidSignature("The " + WebhookSignature.HEADER + " header is missing, "
                + "unknown for this sender, does not match the body, is outside the 5-minute window or was already used "
                + "for other bytes. Sign each request anew; a retry of the very same bytes and header within the window "
                + "gets the first answer."));
    }

    private ProblemException tooLarge() {
        return new ProblemException(Problems.payloadTooLarge("batch-too-large", "Batch too large",
                "A batch carries at most " + config.maxEvents() + " events and " + config.maxBodyBytes()
                        + " bytes; send it in smaller batches."))
                .with("maxEvents", config.maxEvents())
                .with("maxBodyBytes", config.maxBodyBytes());
    }

    private static ProblemException malformed(List<Problems.Violation> violations) {
        return new ProblemException(Problems.invalid("The batch is malformed (" + violations.size()
                + " problem(s)); nothing was stored.", violations));
    }
}
