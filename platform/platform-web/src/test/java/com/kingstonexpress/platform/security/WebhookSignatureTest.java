package com.kingstonexpress.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void acceptsItsOwnSignatureWithinTheWindow() {
        String header = WebhookSignature.sign("s3cret", NOW.minusSeconds(299), BODY);
        assertTrue(WebhookSignature.verify("s3cret", header, BODY, NOW).valid());
    }

    @Test
    void rejectsAnotherSecretAnotherBodyAStaleOrFutureTimestampAndGarbage() {
        String header = WebhookSignature.sign("s3cret", NOW, BODY);
        assertFalse(WebhookSignature.verify("other", header, BODY, NOW).valid());
        assertFalse(WebhookSignature.verify("s3cret", header, "{}".getBytes(StandardCharsets.UTF_8), NOW).valid());
        assertFalse(WebhookSignature.verify("s3cret", WebhookSignature.sign("s3cret", NOW.minusSeconds(301), BODY), BODY, NOW).valid());
        assertFalse(WebhookSignature.verify("s3cret", WebhookSignature.sign("s3cret", NOW.plusSeconds(301), BODY), BODY, NOW).valid());
        assertFalse(WebhookSignature.verify("s3cret", "t=abc,v1=zz", BODY, NOW).valid());
        assertFalse(WebhookSignature.verify("s3cret", null, BODY, NOW).valid());
        assertFalse(WebhookSignature.verify(null, header, BODY, NOW).valid());
    }
}
