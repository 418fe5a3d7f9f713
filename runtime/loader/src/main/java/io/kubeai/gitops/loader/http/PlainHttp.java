package io.kubeai.gitops.loader.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * HTTP/1.1 for {@code http://} URLs over socket channels, with a keep-alive pool. It exists for
 * speed: {@link java.net.HttpURLConnection} copies every body byte twice more and makes a system call
 * per poll, which on a fast local link (an in-cluster bucket) costs a third of the throughput.
 * TLS stays with the JDK's client.
 */
final class PlainHttp implements AutoCloseable {
    /** Idle connections kept per host; more are closed. */
    private static final int MAX_IDLE_PER_ROUTE = 64;
    /** Idle connections older than this are closed rather than reused: servers drop them after a while. */
    private static final long MAX_IDLE_NANOS = Duration.ofSeconds(20).toNanos();

    private final int connectTimeoutMillis;
    private final Duration readTimeout;
    private final Map<String, Deque<PlainConnection>> idle = new HashMap<>();

    PlainHttp(int connectTimeoutMillis, Duration readTimeout) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeout = readTimeout;
    }

    /** Sends one request and reads the response head; the response may have any status. */
    HttpResponse exchange(String method, URI uri, Map<String, String> headers, Body body) throws IOException {
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        ByteBuffer head = requestHead(method, uri, headers, body);
        while (true) {
            PlainConnection c = takeIdle(host + ":" + port);
            boolean reused = c != null;
            if (c == null) {
                c = PlainConnection.open(host, port, connectTimeoutMillis, readTimeout);
            }
            try {
                c.startRequest();
                c.write(head.duplicate());
                if (body != null) {
                    body.writeTo(c.output());
                }
                return new PlainResponse(this, c, uri, ResponseHead.read(c, method));
            } catch (IOException e) {
                c.close();
                if (reused && c.received() == 0 && !(e instanceof SocketTimeoutException)) {
                    // The server closed the kept-alive connection before this request reached it: try a new one.
                    // (A timeout is the server being slow, not a stale connection: that is the caller's retry.)
                    continue;
                }
                throw e;
            }
        }
    }

    private static ByteBuffer requestHead(String method, URI uri, Map<String, String> headers, Body body) {
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        StringBuilder s =
                new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        s.append("Host: ")
                .append(uri.getHost())
                .append(uri.getPort() < 0 || uri.getPort() == 80 ? "" : ":" + uri.getPort())
                .append("\r\n");
        boolean hasLength = false;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Host")) {
                continue;
            }
            hasLength |= h.getKey().equalsIgnoreCase("Content-Length");
            s.append(token(h.getKey())).append(": ").append(value(h.getValue())).append("\r\n");
        }
        if (!hasLength && (body != null || method.equals("PUT") || method.equals("POST"))) {
            s.append("Content-Length: ")
                    .append(body == null ? 0 : body.length())
                    .append("\r\n");
        }
        s.append("\r\n");
        return ByteBuffer.wrap(s.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String token(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || c == ':') {
                throw new IllegalArgumentException("not a valid header name: " + name);
            }
        }
        return name;
    }

    private static String value(String v) {
        if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a header value must not contain a line break");
        }
        return v;
    }

    /** Takes back a connection whose response was read to its end. */
    void release(PlainConnection c, boolean keepAlive) {
        if (!keepAlive || !c.isOpen()) {
            c.close();
            return;
        }
        c.idle();
        synchronized (idle) {
            Deque<PlainConnection> q = idle.computeIfAbsent(c.route(), k -> new ArrayDeque<>());
            if (q.size() < MAX_IDLE_PER_ROUTE) {
                q.push(c);
                return;
            }
        }
        c.close();
    }

    private PlainConnection takeIdle(String route) {
        synchronized (idle) {
            Deque<PlainConnection> q = idle.get(route);
            while (q != null && !q.isEmpty()) {
                PlainConnection c = q.pop();
                if (c.isOpen() && c.idleNanos() < MAX_IDLE_NANOS) {
                    return c;
                }
                c.close();
            }
            return null;
        }
    }

    @Override
    public void close() {
        synchronized (idle) {
            idle.values().forEach(q -> q.forEach(PlainConnection::close));
            idle.clear();
        }
    }
}
