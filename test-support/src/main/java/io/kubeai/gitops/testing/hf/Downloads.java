package io.kubeai.gitops.testing.hf;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;

/**
 * File downloads: {@code GET|HEAD /{repo}/resolve/{revision}/{path}} and the CDN it may redirect LFS
 * files to. Bodies are written from memory-mapped file regions, so the kernel copies page cache
 * straight to the socket; faults and the throttle cut the body into small writes.
 */
final class Downloads {
    private static final int CHUNK = 16 << 20;
    private static final int SMALL_CHUNK = 64 << 10;

    private final HfTestServer server;

    Downloads(HfTestServer server) {
        this.server = server;
    }

    void resolve(Exchange ex, String repoId, String revision, String filePath, Fault fault) throws IOException {
        ex.repo = repoId;
        ex.file = filePath;
        Optional<HfRepo> repo = server.findRepo(repoId);
        if (repo.isEmpty()) {
            ex.error(404, "RepoNotFound", "Repository not found");
            return;
        }
        Optional<HfRepo.Commit> commit = repo.get().resolve(revision);
        if (commit.isEmpty()) {
            ex.error(404, "RevisionNotFound", "Invalid rev id: " + revision);
            return;
        }
        HfFile file = commit.get().files().get(filePath);
        if (file == null) {
            ex.error(404, "EntryNotFound", filePath + " does not exist on \"" + revision + "\"");
            return;
        }
        var headers = ex.response.getHeaders();
        headers.put("X-Repo-Commit", commit.get().sha());
        headers.put(HttpHeader.ETAG, "\"" + (file.lfs() ? file.sha256() : file.gitOid()) + "\"");
        if (file.lfs()) {
            headers.put("X-Linked-Size", Long.toString(file.size()));
            headers.put("X-Linked-Etag", "\"" + file.sha256() + "\"");
        }
        if (file.lfs() && server.cdnEndpoint() != null) {
            ex.status = 302;
            ex.response.setStatus(302);
            headers.put(
                    HttpHeader.LOCATION,
                    server.cdnEndpoint() + "/cdn/" + file.sha256() + "?file="
                            + URLEncoder.encode(filePath, StandardCharsets.UTF_8) + "&X-Amz-Signature=test");
            headers.put(HttpHeader.CONTENT_LENGTH, 0);
            ex.completing();
            ex.callback.succeeded();
            return;
        }
        serve(ex, server.blobs().path(file.sha256()), file.size(), fault);
    }

    /** The CDN: signed URLs only; like S3, it rejects a second auth mechanism. */
    void cdn(Exchange ex, String sha256, Fault fault) throws IOException {
        ex.file = ex.param("file");
        if (ex.header(HttpHeader.AUTHORIZATION) != null) {
            ex.send(
                    400,
                    "application/xml",
                    ("<Error><Code>InvalidArgument</Code><Message>Only one auth"
                                    + " mechanism allowed</Message></Error>")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!server.blobs().has(sha256)) {
            ex.send(404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path blob = server.blobs().path(sha256);
        ex.response.getHeaders().put(HttpHeader.ETAG, "\"" + sha256 + "\"");
        serve(ex, blob, java.nio.file.Files.size(blob), fault);
    }

    private void serve(Exchange ex, Path blob, long size, Fault fault) throws IOException {
        long start = 0;
        long end = size - 1;
        int code = 200;
        String range = ex.header(HttpHeader.RANGE);
        if (range != null && range.startsWith("bytes=") && !range.contains(",")) {
            String spec = range.substring(6).trim();
            int dash = spec.indexOf('-');
            try {
                if (dash == 0) {
                    start = Math.max(0, size - Long.parseLong(spec.substring(1)));
                } else {
                    start = Long.parseLong(spec.substring(0, dash));
                    if (dash < spec.length() - 1) {
                        end = Math.min(end, Long.parseLong(spec.substring(dash + 1)));
                    }
                }
            } catch (NumberFormatException e) {
                ex.error(400, null, "bad Range " + range);
                return;
            }
            if (start >= size || start > end) {
                ex.response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes */" + size);
                ex.error(416, null, "Requested Range Not Satisfiable");
                return;
            }
            ex.rangeStart = start;
            ex.rangeEnd = end;
            code = 206;
            ex.response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
        }
        long length = end - start + 1;
        ex.status = code;
        ex.response.setStatus(code);
        var headers = ex.response.getHeaders();
        headers.put(HttpHeader.ACCEPT_RANGES, "bytes");
        headers.put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        headers.put(HttpHeader.CONTENT_LENGTH, length);
        if ("HEAD".equals(ex.method)) {
            ex.completing();
            ex.callback.succeeded();
            return;
        }
        writeBody(ex, blob, start, length, fault);
    }

    private void writeBody(Exchange ex, Path blob, long start, long length, Fault fault) throws IOException {
        Fault.Kind kind = fault == null ? null : fault.kind();
        boolean cuts = kind == Fault.Kind.RESET || kind == Fault.Kind.TRUNCATE;
        long limit = cuts ? Math.min(fault.afterBytes(), length) : length;
        long flip = kind == Fault.Kind.CORRUPT ? length / 2 : -1;
        Throttle throttle = server.throttle();
        int chunk = throttle.enabled() || cuts ? SMALL_CHUNK : CHUNK;
        try (FileChannel channel = FileChannel.open(blob, StandardOpenOption.READ)) {
            long pos = 0;
            while (pos < limit) {
                long n = Math.min(chunk, limit - pos);
                ByteBuffer buf;
                if (flip >= pos && flip < pos + n) {
                    if (flip > pos) {
                        n = flip - pos;
                        buf = channel.map(FileChannel.MapMode.READ_ONLY, start + pos, n);
                    } else {
                        ByteBuffer one = ByteBuffer.allocate(1);
                        channel.read(one, start + pos);
                        buf = ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 0x5a)});
                        n = 1;
                    }
                } else {
                    buf = channel.map(FileChannel.MapMode.READ_ONLY, start + pos, n);
                }
                throttle.acquire(n);
                if (pos + n >= length) {
                    ex.completing();
                }
                Content.Sink.write(ex.response, false, buf);
                // Only after a write that completed: a failed one may still be referenced by the connection.
                Unmapper.unmap(buf);
                ex.bodyBytes += n;
                pos += n;
            }
        }
        if (limit < length) {
            ex.completing();
            cut(ex, kind == Fault.Kind.RESET);
            return;
        }
        ex.completing();
        ex.response.write(true, ByteBuffer.allocate(0), ex.callback);
    }

    /** Ends the connection mid-body: with a TCP reset, or with a clean close short of the length. */
    private static void cut(Exchange ex, boolean reset) throws IOException {
        EndPoint endPoint = ex.request.getConnectionMetaData().getConnection().getEndPoint();
        if (reset && endPoint.getTransport() instanceof SocketChannel socket) {
            socket.setOption(StandardSocketOptions.SO_LINGER, 0);
        }
        endPoint.close();
        ex.callback.failed(new IOException("fault injected: connection " + (reset ? "reset" : "closed")));
    }
}
