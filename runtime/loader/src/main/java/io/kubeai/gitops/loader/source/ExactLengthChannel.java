package io.kubeai.gitops.loader.source;

import io.kubeai.gitops.loader.http.Reads;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Delivers exactly {@code length} bytes of the wrapped channel: stops there even if more follow, and
 * throws {@link EOFException} if the channel ends early (a truncated body).
 */
public final class ExactLengthChannel implements ReadableByteChannel {
    private final ReadableByteChannel in;
    private final long length;
    private final Runnable onAbort;
    private long left;

    /** {@code onAbort}, if given, runs when the channel is closed before its end (the connection is unusable). */
    public ExactLengthChannel(ReadableByteChannel in, long length, Runnable onAbort) {
        this.in = in;
        this.length = length;
        this.left = length;
        this.onAbort = onAbort;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (left == 0) {
            return -1;
        }
        int n = Reads.atMost(in, dst, left);
        if (n < 0) {
            throw new EOFException("the body ended after " + (length - left) + " of " + length + " bytes");
        }
        left -= n;
        return n;
    }

    @Override
    public boolean isOpen() {
        return in.isOpen();
    }

    @Override
    public void close() throws IOException {
        if (left > 0 && onAbort != null) {
            onAbort.run();
        }
        in.close();
    }
}
