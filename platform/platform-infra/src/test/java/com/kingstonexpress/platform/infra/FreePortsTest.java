package com.kingstonexpress.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
