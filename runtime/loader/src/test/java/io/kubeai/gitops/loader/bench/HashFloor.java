package io.kubeai.gitops.loader.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor for any loader that verifies, in the benchmark's own run: the least a JVM can do to
 * download files and sha256 them. One plain GET per file on a socket channel, into one direct
 * buffer, written with positional writes and hashed in place; no retries, no resume, no marker, no
 * start-up work. What it takes beyond curl is the cost of hashing on this machine.
 *
 * <p>Usage: {@code HashFloor OUT_DIR NAME=URL...} (plain http:// only).
 */
public final class HashFloor {
    private HashFloor() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, args.length - 1));
        List<Future<String>> results = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i].substring(0, args[i].indexOf('='));
            URI uri = URI.create(args[i].substring(name.length() + 1));
            results.add(pool.submit(() -> fetch(uri, out.resolve(name))));
        }
        for (Future<String> r : results) {
            r.get();
        }
        pool.shutdown();
    }

    private static String fetch(URI uri, Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer buf = ByteBuffer.allocateDirect(256 << 10);
        try (SocketChannel socket = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
                FileChannel dest = FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            socket.write(ByteBuffer.wrap(("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            skipHead(socket, buf);
            long pos = 0;
            do {
                buf.flip();
                sha.update(buf.duplicate());
                while (buf.hasRemaining()) {
                    pos += dest.write(buf, pos);
                }
                buf.clear();
            } while (socket.read(buf) >= 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Reads up to the end of the response head; leaves the body bytes that came with it in {@code buf}. */
    private static void skipHead(SocketChannel socket, ByteBuffer buf) throws IOException {
        while (true) {
            if (socket.read(buf) < 0) {
                throw new IOException("the server closed the connection in the response head");
            }
            for (int i = 3; i < buf.position(); i++) {
                if (buf.get(i - 3) == '\r' && buf.get(i - 2) == '\n' && buf.get(i - 1) == '\r' && buf.get(i) == '\n') {
                    if (!new String(new byte[] {buf.get(9), buf.get(10), buf.get(11)}, StandardCharsets.US_ASCII)
                            .equals("200")) {
                        throw new IOException("not a 200 response");
                    }
                    buf.flip().position(i + 1);
                    buf.compact();
                    return;
                }
            }
        }
    }
}
