package com.kingstonexpress.fulfillment.tracking.api;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.problem.Problem;
import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.platform.security.WebhookSignature;

/**
 * What every webhook request passes before anything is stored: size, then the sender's signature over the
 * raw bytes (before they are even parsed), then the shape of the batch.
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
        WebhookSignature.Verdict verdict = WebhookSignature.verify(secret, header, body, Instant.now());
        if (!verdict.valid()) {
            LOG.warnf("webhook from %s refused: %s", senderId, verdict.reason());
            throw unauthorized();
        }
        return WebhookSignature.sign(secret, Instant.ofEpochSecond(verdict.timestamp()), body);
    }

    /** Parses and checks a batch; 400 with the violations when malformed, 413 when it has too many events. */
    <T> T batch(byte[] body, Class<T> type, Function<T, List<?>> events, Function<Object, JsonNode> details) {
        T batch;
        try {
            batch = json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw malformed(List.of(Map.of("field", "", "message", "the body is not a JSON batch of events: "
                    + e.getOriginalMessage())));
        } catch (IOException e) {
            throw malformed(List.of(Map.of("field", "", "message", "the body could not be read")));
        }
        if (batch == null) {
            throw malformed(List.of(Map.of("field", "events", "message", "must not be empty")));
        }
        List<?> items = events.apply(batch);
        if (items != null && items.size() > config.maxEvents()) {
            throw tooLarge();
        }
        List<Map<String, String>> violations = new ArrayList<>();
        validator.validate(batch).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .forEach(v -> violations.add(Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())));
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                String problem = items.get(i) == null ? null : EventLimits.detailsProblem(details.apply(items.get(i)));
                if (problem != null) {
                    violations.add(Map.of("field", "events[" + i + "].details", "message", problem));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw malformed(violations);
        }
        return batch;
    }

    ProblemException replayed() {
        LOG.warn("webhook refused: signature already used (a replay)");
        return unauthorized();
    }

    private ProblemException unauthorized() {
        return new ProblemException(new Problem(401, "invalid-signature", "Unauthorized",
                "The " + WebhookSignature.HEADER + " header is missing, unknown for this sender, does not match the body, "
                        + "is outside the 5-minute window or was already used. Sign each request anew."));
    }

    private ProblemException tooLarge() {
        return new ProblemException(new Problem(413, "batch-too-large", "Batch too large",
                "A batch carries at most " + config.maxEvents() + " events and " + config.maxBodyBytes()
                        + " bytes; send it in smaller batches.")
                .with("maxEvents", config.maxEvents())
                .with("maxBodyBytes", config.maxBodyBytes()));
    }

    private static ProblemException malformed(List<Map<String, String>> violations) {
        return new ProblemException(new Problem(400, "validation", "Invalid request",
                "The batch is malformed (" + violations.size() + " problem(s)); nothing was stored.")
                .with("violations", violations));
    }
}
