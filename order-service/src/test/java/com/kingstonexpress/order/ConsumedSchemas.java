package com.kingstonexpress.order;

import com.kingstonexpress.platform.testing.EventContracts;

/** Consumer contract: the events this service is tested with must match their producer's checked-in schema. */
public final class ConsumedSchemas {

    private ConsumedSchemas() {
    }

    public static void assertMatches(String producerModule, String eventType, String cloudEvent) {
        EventContracts.assertMatches(EventContracts.schemaOf(producerModule, eventType), cloudEvent);
    }
}
