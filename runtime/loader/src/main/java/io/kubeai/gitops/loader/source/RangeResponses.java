package io.kubeai.gitops.loader.source;

import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.http.HttpResponse;
import io.kubeai.gitops.loader.retry.NonRetryableException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** Checks a response to a {@code Range} request and returns exactly the bytes asked for. */
public final class RangeResponses {
    private RangeResponses() {}

    /** The {@code Range} header value for bytes {@code [start, end)}. */
    public static String header(long start, long end) {
        return "bytes=" + start + "-" + (end - 1);
    }

    public static ReadableByteChannel body(HttpResponse r, SourceFile file, String name, long start, long end)
            throws IOException {
        try {
            ReadableByteChannel in = r.channel();
            if (r.status() == 206) {
                String range = r.header("Content-Range");
                if (range != null && range.startsWith("bytes ")) {
                    String spec = range.substring(6);
                    long from = Long.parseLong(spec.substring(0, spec.indexOf('-')));
                    String total = spec.substring(spec.indexOf('/') + 1);
                    if (!total.equals("*") && Long.parseLong(total) != file.size()) {
                        throw new NonRetryableException(new LoaderException(
                                LoaderException.Reason.VERIFICATION,
                                name + ": the source now has " + total + " bytes, the listing said " + file.size()
                                        + "; the source changed during the load, run it again"));
                    }
                    if (from != start) {
                        throw new IOException(name + ": asked for bytes from " + start + ", got from " + from);
                    }
                }
            } else if (start > 0) {
                // The server ignored the Range header: skip to the start.
                skip(in, start);
            }
            return new ExactLengthChannel(in, end - start, r::abort);
        } catch (IOException | RuntimeException e) {
            r.abort();
            throw e;
        }
    }

    private static void skip(ReadableByteChannel in, long bytes) throws IOException {
        ByteBuffer scratch = ByteBuffer.allocate(64 << 10);
        for (long left = bytes; left > 0; ) {
            scratch.clear().limit((int) Math.min(scratch.capacity(), left));
            int n = in.read(scratch);
            if (n < 0) {
                throw new EOFException("the body ended before byte " + bytes);
            }
            left -= n;
        }
    }
}
