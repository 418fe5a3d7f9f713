package io.kubeai.gitops.loader.dest.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Which parts of a partial file are done: {@code <file>.parts} holds one byte per part, set with a
 * single positional write once the part's bytes are written, so a kill at any moment leaves it
 * consistent; {@code <file>.meta} says what the parts belong to, and a mismatch starts over.
 */
final class PartState implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path data;
    private final Path map;
    private final Path meta;
    private final FileChannel channel;
    private final boolean[] done;

    private PartState(Path data, Path map, Path meta, FileChannel channel, boolean[] done) {
        this.data = data;
        this.map = map;
        this.meta = meta;
        this.channel = channel;
        this.done = done;
    }

    /** Opens the state of {@code data}, or starts it fresh when absent or for other content. */
    static PartState open(Path data, long size, long partSize, int parts, String identity) throws IOException {
        Path map = data.resolveSibling(data.getFileName() + ".parts");
        Path meta = data.resolveSibling(data.getFileName() + ".meta");
        String expected = JSON.createObjectNode()
                .put("size", size)
                .put("partSize", partSize)
                .put("identity", identity)
                .toString();
        boolean[] done = new boolean[parts];
        if (matches(meta, expected)
                && Files.isRegularFile(data)
                && Files.size(data) == size
                && Files.isRegularFile(map)
                && Files.size(map) == parts) {
            byte[] bits = Files.readAllBytes(map);
            for (int i = 0; i < parts; i++) {
                done[i] = bits[i] == 1;
            }
        } else {
            Files.createDirectories(data.getParent());
            Files.deleteIfExists(meta);
            try (FileChannel c = FileChannel.open(
                    data, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                if (size > 0) {
                    c.write(ByteBuffer.allocate(1), size - 1);
                }
            }
            Files.write(map, new byte[parts]);
            Files.writeString(meta, expected, StandardCharsets.UTF_8);
        }
        FileChannel channel = FileChannel.open(map, StandardOpenOption.WRITE);
        return new PartState(data, map, meta, channel, done);
    }

    private static boolean matches(Path meta, String expected) {
        try {
            return Files.isRegularFile(meta)
                    && JSON.readTree(Files.readString(meta)).equals(JSON.readTree(expected));
        } catch (IOException e) {
            return false;
        }
    }

    boolean isDone(int part) {
        return done[part];
    }

    void markDone(int part) throws IOException {
        channel.write(ByteBuffer.wrap(new byte[] {1}), part);
        synchronized (this) {
            done[part] = true;
        }
    }

    /** Removes the bookkeeping (after the file moved into place, or to start over). */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(map);
        Files.deleteIfExists(meta);
    }

    /** Removes the bookkeeping and the partial bytes. */
    void deleteAll() throws IOException {
        delete();
        Files.deleteIfExists(data);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
