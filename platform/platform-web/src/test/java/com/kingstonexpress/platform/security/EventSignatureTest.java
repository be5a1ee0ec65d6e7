package com.kingstonexpress.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventSignatureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void theSignatureCoversIdTypeSubjectAndDataWhateverTheMemberOrderOrSpacing() throws Exception {
        JsonNode data = json("{\"centerId\":\"c1\",\"orderId\":\"o1\",\"details\":{\"b\":1,\"a\":[2,{\"y\":1,\"x\":0}]}}");
        String signature = EventSignature.sign("secret", "e1", "t", "o1", data);
        JsonNode reordered = json("{ \"details\" : {\"a\":[2,{\"x\":0,\"y\":1}],\"b\":1}, \"orderId\":\"o1\",\"centerId\":\"c1\"}");
        assertNull(EventSignature.refusal("secret", signature, "e1", "t", "o1", reordered));
        assertNull(EventSignature.refusal("secret", "v1=00," + signature, "e1", "t", "o1", data), "any v1 may match (rotation)");

        assertNotNull(EventSignature.refusal("other", signature, "e1", "t", "o1", data));
        assertNotNull(EventSignature.refusal("secret", signature, "e2", "t", "o1", data));
        assertNotNull(EventSignature.refusal("secret", signature, "e1", "t", "o2", data));
        assertNotNull(EventSignature.refusal("secret", signature, "e1", "t", "o1", json("{\"centerId\":\"c2\",\"orderId\":\"o1\"}")));
        assertNotNull(EventSignature.refusal("secret", "v1=zz", "e1", "t", "o1", data));
        assertEquals("the event carries no kxsignature attribute", EventSignature.refusal("secret", null, "e1", "t", "o1", data));
        assertNotNull(EventSignature.refusal(null, signature, "e1", "t", "o1", data));
    }

    @Test
    void canonicalDataIsSortedAndCompact() throws Exception {
        assertEquals("{\"a\":{\"c\":null,\"d\":[1,\"x\"]},\"b\":true}",
                EventSignature.canonical(json("{\"b\" : true, \"a\" : {\"d\":[1,\"x\"],\"c\":null}}")));
    }
}
