package com.kingstonexpress.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    /** A stack takes all its ports before any server binds one: the same port twice would make two servers collide. */
    @Test
    void portsHandedOutInOneJvmAreAllDifferent() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ports.add(FreePorts.find());
        }
        assertEquals(500, ports.size());
    }

    /** Outgoing connections take their local ports from the ephemeral range; a server's port must not be among them. */
    @Test
    void portsAreBelowTheEphemeralRangeAndFree() throws Exception {
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.find();
            assertTrue(port >= 20_000 && port < 32_768, "port " + port);
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, server.getLocalPort());
            }
        }
    }
}
