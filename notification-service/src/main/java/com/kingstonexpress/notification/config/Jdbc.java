package com.kingstonexpress.notification.config;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The two conversions every store needs: instants in and out of {@code TIMESTAMPTZ} columns. */
public final class Jdbc {

    private Jdbc() {
    }

    public static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        s.setObject(index, value == null ? null : value.atOffset(ZoneOffset.UTC));
    }

    public static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static IllegalStateException unavailable(String what, SQLException e) {
        return new IllegalStateException(what + " unavailable", e);
    }
}
