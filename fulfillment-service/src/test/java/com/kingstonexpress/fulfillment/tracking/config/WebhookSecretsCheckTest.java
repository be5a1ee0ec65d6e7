package com.kingstonexpress.fulfillment.tracking.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Production refuses the demo senders' secrets and anything too short to be a real HMAC secret. */
class WebhookSecretsCheckTest {

    @Test
    void developmentAndShortSecretsAreRefusedRealOnesPass() {
        List<String> problems = WebhookSecretsCheck.problems(config(
                Map.of("center-london-1", "dev-center-secret", "center-leeds-2", "3f9c2b7e41d05a6c8e1f2a3b4c5d6e7f"),
                Map.of("royal-parcel", "short-secret")));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("\"center-london-1\"")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("\"royal-parcel\"")), problems.toString());
        assertEquals(List.of(), WebhookSecretsCheck.problems(config(Map.of(), Map.of("royal-parcel", "a1b2c3d4e5f60718293a4b5c6d7e8f90"))));
    }

    private static WebhookConfig config(Map<String, String> centers, Map<String, String> carriers) {
        return new WebhookConfig() {
            @Override
            public Map<String, SenderSecret> centers() {
                return secrets(centers);
            }

            @Override
            public Map<String, SenderSecret> carriers() {
                return secrets(carriers);
            }

            @Override
            public int maxEvents() {
                return 500;
            }

            @Override
            public int maxBodyBytes() {
                return 1_048_576;
            }
        };
    }

    private static Map<String, WebhookConfig.SenderSecret> secrets(Map<String, String> secrets) {
        return secrets.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (WebhookConfig.SenderSecret) e::getValue));
    }
}
