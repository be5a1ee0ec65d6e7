package com.kingstonexpress.order.orders.persistence;

import static com.kingstonexpress.order.Fixtures.act;
import static com.kingstonexpress.order.Fixtures.as;
import static com.kingstonexpress.order.Fixtures.place;
import static com.kingstonexpress.order.Fixtures.seller;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * History ids are drawn in blocks per instance, so they need not follow the order of the changes: the history is
 * listed in the order of the events that announced them. Another instance is played here by SQL in its own
 * transaction, as that instance's Hibernate would write (its own block of ids, the order's next event number).
 */
@QuarkusTest
class StatusHistoryOrderTest {

    private static final String SELLER = "history-order-seller";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aChangeMadeByAnotherInstanceWithHigherIdsIsListedWhereItHappened() throws SQLException {
        String id = place(SELLER, "SELLER_MANAGED");

        // The other instance starts processing, with an id from a block far above any this instance draws meanwhile.
        long otherInstancesId;
        try (Connection c = dataSource.getConnection()) {
            otherInstancesId = single(c, "SELECT nextval('order_status_history_id_seq')") + 1_000_000;
            long seq = single(c, "UPDATE kx_event_sequence SET last_seq = last_seq + 1 WHERE subject = '" + id + "' RETURNING last_seq");
            try (PreparedStatement change = c.prepareStatement("UPDATE orders SET status = 'PROCESSING', version = version + 1 WHERE order_id = ?");
                    PreparedStatement entry = c.prepareStatement("""
                            INSERT INTO order_status_history (id, order_id, from_status, to_status, actor_kind, actor_id, changed_at, event_seq)
                            VALUES (?, ?, 'NEW', 'PROCESSING', 'SELLER', 'seller-user-other-instance', now(), ?)""")) {
                change.setString(1, id);
                assertEquals(1, change.executeUpdate());
                entry.setLong(1, otherInstancesId);
                entry.setString(2, id);
                entry.setLong(3, seq);
                entry.executeUpdate();
            }
        }
        // Then this instance ships it, with an id from its own, lower block.
        act(SELLER, id, "confirm-address", Map.of()).statusCode(200);
        act(SELLER, id, "mark-shipped", Map.of("carrier", "royal-parcel", "trackingNumber", "RP-HISTORY-1")).statusCode(200);
        try (Connection c = dataSource.getConnection()) {
            long thisInstancesId = single(c, "SELECT id FROM order_status_history WHERE order_id = '" + id + "' AND to_status = 'SHIPPED'");
            assertTrue(thisInstancesId < otherInstancesId, "the later change has the lower id: " + thisInstancesId + " < " + otherInstancesId);
        }

        as(seller(SELLER)).get("/api/v1/orders/" + id + "/history").then().statusCode(200)
                .body("items.to", contains("PROCESSING", "SHIPPED"))
                .body("items.actorId", contains("seller-user-other-instance", "seller-user-" + SELLER));
    }

    @Test
    void anEntryWrittenWithoutItsEventNumberTakesTheOrdersLastOne() throws SQLException {
        // What an instance of the previous version writes during a rolling upgrade: the event first, then the entry.
        String id = place(SELLER, "SELLER_MANAGED");
        try (Connection c = dataSource.getConnection()) {
            long seq = single(c, "UPDATE kx_event_sequence SET last_seq = last_seq + 1 WHERE subject = '" + id + "' RETURNING last_seq");
            long written = single(c, "INSERT INTO order_status_history (order_id, from_status, to_status, actor_kind, changed_at)"
                    + " VALUES ('" + id + "', 'NEW', 'PROCESSING', 'SELLER', now()) RETURNING event_seq");
            assertEquals(seq, written);
        }
    }

    @Test
    void entriesWrittenBeforeEventNumbersComeFirst() throws SQLException {
        String id = place(SELLER, "SELLER_MANAGED");
        // An entry as the previous version wrote it before V7: no event number (the trigger, added with V7, is off).
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement off = c.prepareStatement("ALTER TABLE order_status_history DISABLE TRIGGER order_status_history_event_seq");
                    PreparedStatement entry = c.prepareStatement("""
                            INSERT INTO order_status_history (order_id, from_status, to_status, actor_kind, actor_id, changed_at)
                            VALUES (?, 'NEW', 'NEW', 'SUPPORT_AGENT', 'agent-before-v7', now()) RETURNING event_seq""");
                    PreparedStatement on = c.prepareStatement("ALTER TABLE order_status_history ENABLE TRIGGER order_status_history_event_seq")) {
                off.execute();
                entry.setString(1, id);
                try (ResultSet rs = entry.executeQuery()) {
                    assertTrue(rs.next());
                    rs.getLong(1);
                    assertTrue(rs.wasNull(), "written without an event number");
                }
                on.execute();
            }
            c.commit();
        }
        act(SELLER, id, "start-processing", Map.of()).statusCode(200);

        as(seller(SELLER)).get("/api/v1/orders/" + id + "/history").then().statusCode(200)
                .body("items.to", contains("NEW", "PROCESSING"));
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }
}
