package io.kubeai.gitops.loader.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** Bounded reads from channels. */
public final class Reads {
    private Reads() {}

    /**
     * Reads from {@code in} into {@code dst}, at most {@code max} bytes: the buffer's limit is lowered
     * for the read and restored after, so a body is never read past its end.
     */
    public static int atMost(ReadableByteChannel in, ByteBuffer dst, long max) throws IOException {
        int limit = dst.limit();
        if (dst.remaining() > max) {
            dst.limit(dst.position() + (int) max);
        }
        try {
            return in.read(dst);
        } finally {
            dst.limit(limit);
        }
    }
}
