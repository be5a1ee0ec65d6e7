package com.kingstonexpress.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The signature a partner puts on a CloudEvent it publishes on Kafka (docs/design/EVENTS.md), the Kafka twin of
 * {@link WebhookSignature}: extension attribute {@value #ATTRIBUTE} = {@code v1=<hex HMAC-SHA256>} with the sender's
 * shared secret (the webhook's), over
 * {@code id "\n" type "\n" subject "\n" canonical(data)}. Canonical data is the JSON with every object's members
 * sorted by name and no whitespace, so structured mode (data inside the JSON value) and binary mode (data as the
 * value, attributes as {@code ce_*} headers) sign the same thing. Several {@code v1=} values separated by commas are
 * allowed (secret rotation): one must match. There is no time window: a record may be consumed hours after it was
 * written (consumer lag, a dead-letter replay); the signed id and the consumer's inbox stop replays.
 */
public final class EventSignature {

    /** CloudEvents extension names are lower-case letters and digits. */
    public static final String ATTRIBUTE = "kxsignature";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSignature() {
    }

    /** The attribute value for this event signed with {@code secret}. */
    public static String sign(String secret, String id, String type, String subject, JsonNode data) {
        return "v1=" + HexFormat.of().formatHex(mac(secret, id, type, subject, data));
    }

    /** @return null when {@code attribute} holds a valid signature of this event, otherwise why not (for the dead letter) */
    public static String refusal(String secret, String attribute, String id, String type, String subject, JsonNode data) {
        if (secret == null) {
            return "no secret is configured for the sender the event names";
        }
        if (attribute == null || attribute.isBlank()) {
            return "the event carries no " + ATTRIBUTE + " attribute";
        }
        byte[] expected = mac(secret, id, type, subject, data);
        for (String part : attribute.split(",")) {
            String value = part.trim();
            if (!value.startsWith("v1=")) {
                continue;
            }
            byte[] given;
            try {
                given = HexFormat.of().parseHex(value.substring(3));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return null;
            }
        }
        return ATTRIBUTE + " does not verify with the sender's secret (or the event was changed)";
    }

    /** The data as signed: members of every object sorted by name, no insignificant whitespace. */
    public static String canonical(JsonNode data) {
        try {
            return JSON.writeValueAsString(sorted(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return JSON.nullNode();
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = JSON.createObjectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                copy.add(sorted(it.next()));
            }
            return copy;
        }
        return node;
    }

    private static byte[] mac(String secret, String id, String type, String subject, JsonNode data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = nullToEmpty(id) + "\n" + nullToEmpty(type) + "\n" + nullToEmpty(subject) + "\n" + canonical(data);
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
