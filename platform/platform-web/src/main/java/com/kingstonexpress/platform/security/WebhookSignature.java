package com.kingstonexpress.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature of centers and carriers (docs/design/API.md): header
 * {@code X-KX-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} with the sender's shared secret.
 * One implementation for the receiver, the center simulator and the tests.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-KX-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    /** The header value for {@code body} signed at {@code at}. */
    public static String sign(String secret, Instant at, byte[] body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(secret, t, body));
    }

    /** The outcome of checking a signature; {@code reason} says why it failed, for logs only. */
    public record Verdict(boolean valid, long timestamp, String reason) {
        static Verdict invalid(String reason) {
            return new Verdict(false, -1, reason);
        }
    }

    /**
     * Checks the header against {@code body}: well-formed, signed with {@code secret}, and signed within
     * {@link #TOLERANCE} of {@code now} (older or from the future: rejected). Replays inside the window
     * must be caught by the receiver, e.g. by remembering the signature.
     */
    public static Verdict verify(String secret, String header, byte[] body, Instant now) {
        if (header == null || secret == null) {
            return Verdict.invalid("missing signature or unknown sender");
        }
        long t = -1;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return Verdict.invalid("timestamp is not a number");
                }
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t < 0 || v1 == null) {
            return Verdict.invalid("signature header must be t=<unix seconds>,v1=<hex>");
        }
        if (Math.abs(now.getEpochSecond() - t) > TOLERANCE.getSeconds()) {
            return Verdict.invalid("signature timestamp outside the 5-minute window");
        }
        byte[] expected = mac(secret, t, body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(v1);
        } catch (IllegalArgumentException e) {
            return Verdict.invalid("v1 is not hex");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return Verdict.invalid("signature does not match");
        }
        return new Verdict(true, t, null);
    }

    private static byte[] mac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
