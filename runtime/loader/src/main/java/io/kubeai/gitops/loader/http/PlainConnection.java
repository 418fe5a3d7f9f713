package io.kubeai.gitops.loader.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One TCP connection to an HTTP/1.1 server. Bodies are read from the socket straight into the
 * caller's buffer; a small buffer holds the status line, headers and chunk sizes (and the first body
 * bytes that arrive with them). Blocking channel reads have no timeout of their own, so every read and
 * write sets a deadline that {@link Deadlines} enforces by closing the connection.
 */
final class PlainConnection implements ReadableByteChannel {
    private static final int HEAD_BUFFER = 16 << 10;
    private static final int WRITE_SLICE = 256 << 10;

    private final String route;
    private final SocketChannel channel;
    private final long timeoutNanos;
    private final Duration timeout;
    /** In read mode: bytes between position and limit are received but not yet consumed. */
    private final ByteBuffer head = ByteBuffer.allocate(HEAD_BUFFER).flip();

    private volatile long deadline;
    private volatile boolean expired;
    private long received;
    private long idleSince;

    private PlainConnection(String route, SocketChannel channel, Duration timeout) {
        this.route = route;
        this.channel = channel;
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
    }

    static PlainConnection open(String host, int port, int connectTimeoutMillis, Duration readTimeout)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().setTcpNoDelay(true);
            channel.socket().connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        PlainConnection c = new PlainConnection(host + ":" + port, channel, readTimeout);
        Deadlines.watch(c);
        return c;
    }

    String route() {
        return route;
    }

    /** Bytes read since {@link #startRequest()}: none means a reused connection was stale. */
    long received() {
        return received;
    }

    void startRequest() {
        received = 0;
    }

    void idle() {
        idleSince = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - idleSince;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen() && !expired;
    }

    /** Reads into {@code dst}: bytes already buffered first, then the socket. -1 at the end of the stream. */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (head.hasRemaining()) {
            int n = Math.min(head.remaining(), dst.remaining());
            dst.put(dst.position(), head, head.position(), n);
            dst.position(dst.position() + n);
            head.position(head.position() + n);
            return n;
        }
        return readSocket(dst);
    }

    /** A line of the head or of chunked framing, without its CRLF; null if the stream ends first. */
    String readLine() throws IOException {
        while (true) {
            for (int i = head.position(); i < head.limit(); i++) {
                if (head.get(i) == '\n') {
                    int end = i > head.position() && head.get(i - 1) == '\r' ? i - 1 : i;
                    String line = new String(
                            head.array(), head.position(), end - head.position(), StandardCharsets.ISO_8859_1);
                    head.position(i + 1);
                    return line;
                }
            }
            if (head.remaining() == head.capacity()) {
                throw new IOException("a response header line is longer than " + HEAD_BUFFER + " bytes");
            }
            head.compact();
            int n;
            try {
                n = readSocket(head);
            } finally {
                head.flip();
            }
            if (n < 0) {
                if (head.hasRemaining()) {
                    throw new EOFException("the connection closed in the middle of the response head");
                }
                return null;
            }
        }
    }

    void write(ByteBuffer src) throws IOException {
        deadline = System.nanoTime() + timeoutNanos;
        try {
            while (src.hasRemaining()) {
                channel.write(src);
                deadline = System.nanoTime() + timeoutNanos;
            }
        } catch (ClosedChannelException e) {
            throw expired ? timedOut("sending") : e;
        } finally {
            deadline = 0;
        }
    }

    /** A stream that writes through to the socket, for request bodies. */
    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                // In slices: a channel writing from the heap copies through a temporary direct buffer as
                // large as the write, and a whole 16 MiB part per thread would exhaust direct memory.
                for (int done = 0; done < len; done += WRITE_SLICE) {
                    PlainConnection.this.write(ByteBuffer.wrap(b, off + done, Math.min(WRITE_SLICE, len - done)));
                }
            }
        };
    }

    private int readSocket(ByteBuffer dst) throws IOException {
        deadline = System.nanoTime() + timeoutNanos;
        try {
            int n = channel.read(dst);
            if (n > 0) {
                received += n;
            }
            return n;
        } catch (ClosedChannelException e) {
            throw expired ? timedOut("waiting for") : e;
        } finally {
            deadline = 0;
        }
    }

    private SocketTimeoutException timedOut(String doing) {
        return new SocketTimeoutException("no progress " + doing + " bytes for " + timeout.toMillis() + " ms");
    }

    /** Called by {@link Deadlines}: closes the connection if a read or write has waited too long. */
    void expireIfLate(long now) {
        long d = deadline;
        if (d != 0 && now - d > 0) {
            expired = true;
            closeQuietly();
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        Deadlines.forget(this);
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to do about it.
        }
    }
}
