package com.kingstonexpress.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port checks that turn "address already in use" into one clear sentence. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
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
