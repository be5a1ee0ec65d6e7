package com.kingstonexpress.fulfillment.tracking;

import static com.kingstonexpress.fulfillment.support.Webhooks.batch;
import static com.kingstonexpress.fulfillment.support.Webhooks.carrierEvent;
import static com.kingstonexpress.fulfillment.support.Webhooks.post;
import static com.kingstonexpress.fulfillment.support.Webhooks.postCarrier;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.fulfillment.support.Webhooks;
import com.kingstonexpress.platform.security.WebhookSignature;
import com.kingstonexpress.platform.testing.Metrics;

import io.quarkus.test.junit.QuarkusTest;

/**
 * fulfillment-service's meters on /q/metrics (management port): webhook receipts by sender kind and outcome, and
 * a carrier scan for a tracking number nobody knows yet counted as parked.
 */
@QuarkusTest
class WebhookMetricsTest {

    private static final String RECEIPTS = "kx_webhook_receipts_total";

    @Test
    void receiptsAreCountedByOutcomeAndAnEarlyScanAsParked() {
        String before = Metrics.scrape();
        String body = batch(carrierEvent("c-" + UUID.randomUUID(), "RP-" + UUID.randomUUID(), "DELIVERED",
                Instant.now().minusSeconds(60), ",\"proof\":\"photo:1\""));

        String path = "/api/v1/carriers/" + OrderFixtures.CARRIER + "/tracking-events";
        String signature = WebhookSignature.sign(Webhooks.CARRIER_SECRET, Instant.now(), Webhooks.bytes(body));
        post(path, body, signature).statusCode(202);
        // The sender's retry of the same request: answered with the first receipt, counted apart.
        post(path, body, signature).statusCode(202);
        post(path, body, "t=1,v1=00").statusCode(401);
        postCarrier(OrderFixtures.CARRIER, "not json").statusCode(400);

        String after = Metrics.scrape();
        for (String outcome : new String[] { "accepted", "retried", "bad_signature", "malformed" }) {
            assertEquals(Metrics.valueIn(before, RECEIPTS, "sender", "carrier", "outcome", outcome) + 1,
                    Metrics.valueIn(after, RECEIPTS, "sender", "carrier", "outcome", outcome),
                    () -> outcome + ": " + Metrics.series(after, RECEIPTS));
        }
        // The scan names a tracking number no order has yet: it waits, parked, and is counted once.
        assertEquals(Metrics.valueIn(before, "kx_events_parked_total") + 1, Metrics.valueIn(after, "kx_events_parked_total"),
                () -> Metrics.series(after, "kx_events_parked_total").toString());
    }
}
