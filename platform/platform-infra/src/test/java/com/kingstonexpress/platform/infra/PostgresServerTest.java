package com.kingstonexpress.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path data;

    @Test
    void aServerWithADataDirectoryFindsItsDataAgainAfterARestart() throws Exception {
        int port = FreePorts.find();
        try (PostgresServer first = PostgresServer.start(data, port)) {
            first.ensureDatabase("kx_keep");
            try (Connection c = DriverManager.getConnection(first.jdbcUrl("kx_keep"), PostgresServer.USER, PostgresServer.PASSWORD)) {
                c.createStatement().execute("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('still here')");
            }
        }
        try (PostgresServer second = PostgresServer.start(data, port);
                Connection c = DriverManager.getConnection(second.jdbcUrl("kx_keep"), PostgresServer.USER, PostgresServer.PASSWORD);
                ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            second.ensureDatabase("kx_keep");
            assertTrue(rs.next());
            assertEquals("still here", rs.getString(1));
        }
    }

    @Test
    void aTakenPortIsOneClearSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var e = assertThrows(FreePorts.PortInUseException.class, () -> PostgresServer.start(null, taken.getLocalPort()));
            assertTrue(e.getMessage().startsWith("Port " + taken.getLocalPort() + " (PostgreSQL) is already in use"), e.getMessage());
        }
    }
}
