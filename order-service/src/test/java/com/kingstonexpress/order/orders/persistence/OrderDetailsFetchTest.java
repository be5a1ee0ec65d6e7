package com.kingstonexpress.order.orders.persistence;

import static com.kingstonexpress.order.Fixtures.order;
import static com.kingstonexpress.order.Fixtures.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.EvidenceKind;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** An order read loads its lines, flags and evidence with the order itself, in one query, each exactly once. */
@QuarkusTest
class OrderDetailsFetchTest {

    @Test
    void linesFlagsAndEvidenceComeWithTheOrderAndAreNotMultipliedByEachOther() {
        Map<String, Object> body = order("fetch-seller", "SELLER_MANAGED");
        body.put("lines", List.of(
                Map.of("sku", "SKU-1", "title", "Teapot", "quantity", 1, "unitPrice", Map.of("amount", 20, "currency", "GBP")),
                Map.of("sku", "SKU-2", "title", "Cups", "quantity", 4, "unitPrice", Map.of("amount", 5, "currency", "GBP")),
                Map.of("sku", "SKU-3", "title", "Tray", "quantity", 1, "unitPrice", Map.of("amount", 12, "currency", "GBP"))));
        String id = place(body);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        QuarkusTransaction.requiringNew().run(() -> {
            OrderEntity order = OrderEntity.findById(id);
            order.attention.put(AttentionFlag.ADDRESS_ISSUE, at);
            order.attention.put(AttentionFlag.CUSTOMER_AWAITING_REPLY, at);
            order.evidence.add(DeliveryEvidence.of(EvidenceKind.CARRIER_EVENT, "scan-1", at));
            order.evidence.add(DeliveryEvidence.of(EvidenceKind.CUSTOMER_CONFIRMATION, "customer", at));
        });

        // Read in a transaction that has ended when the collections are looked at: what the query did not load cannot be.
        OrderEntity order = QuarkusTransaction.requiringNew().call(() -> OrderEntity.findWithDetails(id));

        assertTrue(Hibernate.isInitialized(order.lines), "lines loaded with the order");
        assertTrue(Hibernate.isInitialized(order.attention), "flags loaded with the order");
        assertTrue(Hibernate.isInitialized(order.evidence), "evidence loaded with the order");
        assertEquals(List.of("SKU-1", "SKU-2", "SKU-3"), order.lines.stream().map(l -> l.sku).toList());
        assertEquals(Set.of(AttentionFlag.ADDRESS_ISSUE, AttentionFlag.CUSTOMER_AWAITING_REPLY), order.attention.keySet());
        assertEquals(List.of("scan-1", "customer"), order.evidence.stream().map(e -> e.reference).toList());
    }
}
