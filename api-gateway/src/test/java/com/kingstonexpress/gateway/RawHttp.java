package com.kingstonexpress.gateway;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written and read by hand on a socket, for what ordinary clients will not send: a body that
 * never finishes, odd framing headers, a chosen {@code Host}, and a chosen client address (any
 * {@code 127.x.y.z} on loopback), so tests can stand for several clients.
 */
final class RawHttp implements Closeable {

    /** One response: status, headers (names lower-cased) and body. */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** A connection to the gateway on 127.0.0.1:{@code port} from {@code clientAddress}. */
    static RawHttp open(String clientAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(clientAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(20_000);
        return new RawHttp(socket);
    }

    /** Sends {@code head} (lines joined with CRLF, ending with the blank line) and {@code body}. */
    RawHttp send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    static String head(String... lines) {
        return String.join("\r\n", lines) + "\r\n\r\n";
    }

    /** Reads a status line and headers only (for an interim {@code 100 Continue}, or a refusal's head). */
    Response readHead() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Response(status, headers, "");
    }

    /** Reads the next final response (skipping interim 1xx ones), with its body. */
    Response readResponse() throws IOException {
        Response head = readHead();
        while (head.status() < 200) {
            head = readHead();
        }
        String length = head.header("Content-Length");
        byte[] body;
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(readLine().trim(), 16); size > 0; size = Integer.parseInt(readLine().trim(), 16)) {
                all.write(in.readNBytes(size));
                readLine();
            }
            readLine();
            body = all.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Response(head.status(), head.headers(), new String(body, StandardCharsets.UTF_8));
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); b != -1; b = in.read()) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
        throw new IOException("connection closed; read so far: " + line);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
