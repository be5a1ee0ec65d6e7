package com.kingstonexpress.platform.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Port checks that turn "address already in use" into one clear sentence. */
public final class FreePorts {

    /**
     * Ports already handed out by this JVM. The OS may offer a port again as soon as the probe socket closes, so a
     * stack asking for fifteen ports before any process binds them could otherwise give two servers the same one.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /**
     * Where {@link #find()} looks: below the ephemeral ranges of Linux (32768-60999), macOS and Windows (49152-65535).
     * A port the OS hands out for {@code bind(0)} comes from that range, which outgoing connections draw from too: a
     * service restarted after a crash must bind its port again, and an outgoing connection (a Kafka client
     * reconnecting, a JDBC pool refilling) may hold it by then ("Address already in use"; seen in
     * {@code PipelineUnderFaultsEndToEndTest}).
     */
    static final int LOWEST = 20_000;
    static final int HIGHEST = 32_767;

    /** A port that was free a moment ago on 127.0.0.1, outside the ephemeral range, never handed out before by this JVM. */
    public static int find() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            } catch (IOException taken) {
                continue;
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 between " + LOWEST + " and " + HIGHEST);
    }

    /** Throws {@link PortInUseException} naming {@code who} if the port is taken. */
    public static void requireFree(int port, String who) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new PortInUseException(port, who);
        }
    }

    /** A port needed by the stack is already taken by another process. */
    public static final class PortInUseException extends RuntimeException {
        public PortInUseException(int port, String who) {
            super("Port " + port + " (" + who + ") is already in use: stop whatever holds it, or choose another port.");
        }
    }
}
