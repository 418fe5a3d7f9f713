package io.kubeai.gitops.loader.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;

/**
 * A successful (2xx) response. Read the body to its end and close it to return the connection to
 * the keep-alive pool; {@link #abort()} drops the connection instead. Read it either as a stream or
 * as a channel, not both.
 */
public abstract class HttpResponse implements Closeable {
    private final URI uri;
    private final int status;

    HttpResponse(URI uri, int status) {
        this.uri = uri;
        this.status = status;
    }

    public final int status() {
        return status;
    }

    /** The URI that answered, after redirects. */
    public final URI uri() {
        return uri;
    }

    /** A header's value (the first, if it came more than once), or null. */
    public abstract String header(String name);

    /** The Content-Length, or -1. */
    public final long contentLength() {
        String v = header("Content-Length");
        try {
            return v == null ? -1 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public abstract InputStream body() throws IOException;

    /**
     * The body as a channel. Plain-HTTP responses read straight from the socket into the caller's
     * buffer, which is what large downloads want.
     */
    public ReadableByteChannel channel() throws IOException {
        return Channels.newChannel(body());
    }

    /** Reads the whole body; for small JSON answers. */
    public final byte[] bytes() throws IOException {
        try (InputStream in = body()) {
            return in.readAllBytes();
        }
    }

    /** Drops the connection without reading the rest of the body. */
    public abstract void abort();

    /** Up to {@code max} bytes of an error response's body, as text; empty if it has none. */
    abstract String errorText(int max);

    /** Reads and drops a small body (a redirect's) so the connection can be reused. */
    abstract void discard();
}
