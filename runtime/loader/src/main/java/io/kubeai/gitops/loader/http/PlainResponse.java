package io.kubeai.gitops.loader.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A response on a {@link PlainConnection}. Its body is framed by Content-Length, by chunks, or by the
 * server closing the connection; once read to its end the connection goes back to the pool, and if
 * it is closed earlier the connection is dropped.
 */
final class PlainResponse extends HttpResponse {
    static final long CHUNKED = -1;
    static final long UNTIL_CLOSE = -2;

    private final PlainHttp http;
    private final PlainConnection connection;
    private final Map<String, List<String>> headers;
    private final boolean keepAlive;
    private final BodyChannel body;
    private InputStream stream;

    PlainResponse(PlainHttp http, PlainConnection connection, URI uri, ResponseHead head) {
        super(uri, head.status());
        this.http = http;
        this.connection = connection;
        this.headers = head.headers();
        this.keepAlive = head.keepAlive();
        this.body = new BodyChannel(head.length());
    }

    @Override
    public String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    @Override
    public InputStream body() {
        if (stream == null) {
            stream = Channels.newInputStream(body);
        }
        return stream;
    }

    @Override
    public ReadableByteChannel channel() {
        return body;
    }

    @Override
    public void abort() {
        body.drop();
    }

    @Override
    public void close() {
        body.close();
    }

    @Override
    String errorText(int max) {
        ByteBuffer text = ByteBuffer.allocate(max);
        try {
            while (text.hasRemaining() && body.read(text) >= 0) {
                // Reading up to max bytes.
            }
        } catch (IOException e) {
            // What arrived is enough.
        }
        body.close();
        return new String(text.array(), 0, text.position(), StandardCharsets.UTF_8);
    }

    @Override
    void discard() {
        ByteBuffer sink = ByteBuffer.allocate(8 << 10);
        long left = 64 << 10;
        try {
            for (int n; left > 0 && (n = body.read(sink.clear())) >= 0; ) {
                left -= n;
            }
        } catch (IOException e) {
            // Dropped below.
        }
        body.close();
    }

    /** The body: reads straight from the socket into the caller's buffer. */
    private final class BodyChannel implements ReadableByteChannel {
        private final long length;
        /** Bytes left in the body (fixed length) or in the current chunk. */
        private long left;

        private long read;
        private boolean firstChunk = true;
        private boolean done;
        private boolean open = true;

        BodyChannel(long length) {
            this.length = length;
            this.left = Math.max(0, length);
            if (length == 0) {
                finished();
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (!open) {
                throw new ClosedChannelException();
            }
            if (done) {
                return -1;
            }
            if (length == CHUNKED && left == 0 && !nextChunk()) {
                finished();
                return -1;
            }
            int n = length == UNTIL_CLOSE ? connection.read(dst) : Reads.atMost(connection, dst, left);
            if (n < 0) {
                if (length == UNTIL_CLOSE) {
                    finished();
                    return -1;
                }
                throw new EOFException(
                        "the body ended after " + read + (length >= 0 ? " of " + length : "") + " bytes");
            }
            read += n;
            left -= n;
            if (length >= 0 && left == 0) {
                finished();
            }
            return n;
        }

        /** Reads the next chunk's size; false after the last chunk and the trailer. */
        private boolean nextChunk() throws IOException {
            if (!firstChunk && !line().isEmpty()) {
                throw new IOException("a chunk did not end with CRLF");
            }
            firstChunk = false;
            String size = line();
            int semicolon = size.indexOf(';');
            try {
                left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("a bad chunk size: " + (size.length() > 40 ? size.substring(0, 40) : size));
            }
            if (left < 0) {
                throw new IOException("a negative chunk size");
            }
            if (left > 0) {
                return true;
            }
            while (!line().isEmpty()) {
                // Trailer fields: ignored.
            }
            return false;
        }

        private String line() throws IOException {
            String line = connection.readLine();
            if (line == null) {
                throw new EOFException("the body ended after " + read + " bytes, in the middle of chunked framing");
            }
            return line;
        }

        /** The body was read to its end: the connection can serve another request. */
        private void finished() {
            if (!done) {
                done = true;
                http.release(connection, keepAlive);
            }
        }

        /** Closes the connection unless the body was read to its end (then it is back in the pool). */
        void drop() {
            if (!done) {
                done = true;
                connection.close();
            }
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            drop();
        }
    }
}
