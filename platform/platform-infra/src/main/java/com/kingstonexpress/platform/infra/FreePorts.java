package com.kingstonexpress.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Port checks that turn "address already in use" into one clear sentence. */
public final class FreePorts {

    /**
     * Ports already handed out by this JVM. The OS may offer a port again as soon as the probe socket closes, so a
     * stack asking for fifteen ports before any process binds them could otherwise give two servers the same one.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port that was free a moment ago on 127.0.0.1, and never handed out before by this JVM. */
    public static int find() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on 127.0.0.1", e);
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 that was not handed out already");
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
