package io.kubeai.gitops.loader.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A request body of known length that can be written more than once (for retries). */
public interface Body {
    long length();

    void writeTo(OutputStream out) throws IOException;

    static Body of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    static Body of(byte[] bytes, int offset, int length) {
        return new Body() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes, offset, length);
            }
        };
    }

    /** A region of a file, read in 1 MiB pieces as it is sent. */
    static Body ofFile(Path file, long start, long length) {
        return new Body() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                byte[] buf = new byte[(int) Math.min(1 << 20, Math.max(1, length))];
                ByteBuffer bb = ByteBuffer.wrap(buf);
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    long pos = 0;
                    while (pos < length) {
                        bb.clear().limit((int) Math.min(buf.length, length - pos));
                        int n = ch.read(bb, start + pos);
                        if (n < 0) {
                            throw new IOException(file + " is shorter than expected");
                        }
                        out.write(buf, 0, n);
                        pos += n;
                    }
                }
            }
        };
    }
}
