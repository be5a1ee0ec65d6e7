package com.kingstonexpress.order.orders.persistence;

import static com.kingstonexpress.order.Fixtures.order;
import static com.kingstonexpress.order.Fixtures.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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
        // Hibernate's query warnings are watched meanwhile: a row limit beside the collection fetch would log one per read.
        List<String> queryWarnings = new CopyOnWriteArrayList<>();
        Handler watcher = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    queryWarnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger hibernateQueries = Logger.getLogger("org.hibernate.orm.query");
        hibernateQueries.addHandler(watcher);
        OrderEntity order;
        try {
            order = QuarkusTransaction.requiringNew().call(() -> OrderEntity.findWithDetails(id));
        } finally {
            hibernateQueries.removeHandler(watcher);
        }

        assertEquals(List.of(), queryWarnings, "the read logs no query warning");

        assertTrue(Hibernate.isInitialized(order.lines), "lines loaded with the order");
        assertTrue(Hibernate.isInitialized(order.attention), "flags loaded with the order");
        assertTrue(Hibernate.isInitialized(order.evidence), "evidence loaded with the order");
        assertEquals(List.of("SKU-1", "SKU-2", "SKU-3"), order.lines.stream().map(l -> l.sku).toList());
        assertEquals(Set.of(AttentionFlag.ADDRESS_ISSUE, AttentionFlag.CUSTOMER_AWAITING_REPLY), order.attention.keySet());
        assertEquals(List.of("scan-1", "customer"), order.evidence.stream().map(e -> e.reference).toList());
    }

    @Test
    void anUnknownOrderIsNull() {
        assertNull(QuarkusTransaction.requiringNew().call(() -> OrderEntity.findWithDetails("no-such-order")));
    }
}
