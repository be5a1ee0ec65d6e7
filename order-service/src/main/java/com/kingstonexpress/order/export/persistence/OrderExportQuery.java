package com.kingstonexpress.order.export.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads a seller's orders for an export as a stream: a server-side cursor (autocommit off, fetch size),
 * so memory stays constant however many orders the seller has. Same filters and order as the list.
 */
@ApplicationScoped
public class OrderExportQuery {

    private static final int FETCH_SIZE = 1000;

    /** The default datasource; typed as {@code javax.sql.DataSource} (Agroal's), all the export needs of it. */
    @Inject
    DataSource dataSource;

    public record Filter(String sellerId, String status, String type, String attention, Instant createdFrom, Instant createdTo,
            String text) {
    }

    /** One exported order: the list's facts plus a lines summary. */
    public record Row(String orderId, String type, String status, String shippingMethod, String fulfillmentCenterId,
            String customerId, String customerName, String country, String region, String city, String postalCode,
            String carrier, String trackingNumber, String attention, long itemCount, String total, String currency,
            Instant createdAt, Instant updatedAt) {
    }

    public interface RowSink {
        void accept(Row row) throws java.io.IOException;
    }

    /** Calls {@code sink} for each matching order, newest first; returns how many. */
    public long stream(Filter f, RowSink sink) throws java.io.IOException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT o.order_id, o.order_type, o.status, o.shipping_method, o.fulfillment_center_id, o.customer_id, o.customer_name,
                       o.addr_country, o.addr_region, o.addr_city, o.addr_postal_code, o.tracking_carrier, o.tracking_number,
                       (SELECT string_agg(a.flag, ';' ORDER BY a.flag) FROM order_attention a WHERE a.order_id = o.order_id) AS attention,
                       l.item_count, l.total, l.currency, o.created_at, o.updated_at
                FROM orders o
                LEFT JOIN LATERAL (SELECT coalesce(sum(quantity), 0) AS item_count, sum(quantity * unit_amount) AS total,
                                          string_agg(DISTINCT currency, ';') AS currency
                                   FROM order_line WHERE order_id = o.order_id) l ON true
                WHERE o.seller_id = ?""");
        params.add(f.sellerId());
        if (f.status() != null) {
            sql.append(" AND o.status = ?");
            params.add(f.status());
        }
        if (f.type() != null) {
            sql.append(" AND o.order_type = ?");
            params.add(f.type());
        }
        if (f.attention() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM order_attention fa WHERE fa.order_id = o.order_id AND fa.flag = ?)");
            params.add(f.attention());
        }
        if (f.createdFrom() != null) {
            sql.append(" AND o.created_at >= ?");
            params.add(Timestamp.from(f.createdFrom()));
        }
        if (f.createdTo() != null) {
            sql.append(" AND o.created_at < ?");
            params.add(Timestamp.from(f.createdTo()));
        }
        if (f.text() != null) {
            sql.append(" AND o.search_text LIKE ?");
            params.add("%" + escapeLike(f.text().toLowerCase(Locale.ROOT)) + "%");
        }
        sql.append(" ORDER BY o.created_at DESC, o.order_id DESC");
        try (Connection c = dataSource.getConnection()) {
            // PostgreSQL's driver uses a cursor (fetching FETCH_SIZE rows at a time) only inside a transaction.
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement s = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.size(); i++) {
                    s.setObject(i + 1, params.get(i));
                }
                long n = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(read(rs));
                        n++;
                    }
                }
                return n;
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("order export query failed", e);
        }
    }

    private static Row read(ResultSet rs) throws SQLException {
        java.math.BigDecimal total = rs.getBigDecimal("total");
        return new Row(rs.getString("order_id"), rs.getString("order_type"), rs.getString("status"), rs.getString("shipping_method"),
                rs.getString("fulfillment_center_id"), rs.getString("customer_id"), rs.getString("customer_name"),
                rs.getString("addr_country"), rs.getString("addr_region"), rs.getString("addr_city"), rs.getString("addr_postal_code"),
                rs.getString("tracking_carrier"), rs.getString("tracking_number"), rs.getString("attention"), rs.getLong("item_count"),
                total == null ? null : total.toPlainString(), rs.getString("currency"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
