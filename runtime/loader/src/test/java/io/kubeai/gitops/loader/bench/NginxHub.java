package io.kubeai.gitops.loader.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A Hugging Face-compatible file server for the benchmark that is as fast as a real CDN: nginx
 * (sendfile, ranges, keep-alive) serves the model's files, and the two API answers the loader asks
 * for are written beforehand as static JSON. The Hub test server, being Java and checked, is too slow
 * a peer to measure a fast client against.
 *
 * <p>Routes: {@code /api/models/bench/model/revision/*}, {@code /api/models/bench/model/tree/*},
 * {@code /bench/model/resolve/<rev>/<path>}, and {@code /files/} (the same files with an index page,
 * for rclone's http remote). Needs {@code nginx} on the PATH ({@code apt-get install -y nginx-light}).
 */
final class NginxHub implements AutoCloseable {
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process nginx;
    private final int port;

    private NginxHub(Process nginx, int port) {
        this.nginx = nginx;
        this.port = port;
    }

    /** Whether nginx is installed. */
    static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx")) || Files.isExecutable(Path.of("/usr/bin/nginx"));
    }

    /** Serves {@code files} (name to path, all in {@code data}) as {@code hf://bench/model}. */
    static NginxHub start(Path work, Path data, Map<String, Path> files) throws IOException, InterruptedException {
        Files.createDirectories(work.resolve("logs"));
        Path api = Files.createDirectories(work.resolve("api"));
        JSON.writeValue(
                api.resolve("revision.json").toFile(),
                JSON.createObjectNode().put("id", "bench/model").put("sha", COMMIT));
        ArrayNode tree = JSON.createArrayNode();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            long size = Files.size(f.getValue());
            ObjectNode entry =
                    tree.addObject().put("type", "file").put("path", f.getKey()).put("size", size);
            if (size > 1 << 20) {
                // As the Hub lists an LFS file: its sha256, which the loader verifies every byte against.
                String sha = sha256(f.getValue());
                entry.put("oid", gitBlobId(lfsPointer(sha, size)));
                entry.putObject("lfs").put("oid", sha).put("size", size);
            } else {
                entry.put("oid", gitBlobId(Files.readAllBytes(f.getValue())));
            }
        }
        JSON.writeValue(api.resolve("tree.json").toFile(), tree);
        int port = freePort();
        String conf = String.join(
                "\n",
                "worker_processes 2;",
                "pid " + work.resolve("nginx.pid") + ";",
                "error_log " + work.resolve("logs/error.log") + ";",
                "events { worker_connections 256; }",
                "http {",
                "  sendfile on; tcp_nopush on; access_log off; keepalive_requests 10000;",
                "  client_body_temp_path " + work.resolve("tmp") + ";",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    location ~ ^/api/models/bench/model/revision/ { default_type application/json; alias "
                        + api.resolve("revision.json") + "; }",
                "    location ~ ^/api/models/bench/model/tree/ { default_type application/json; alias "
                        + api.resolve("tree.json") + "; }",
                "    location ~ ^/bench/model/resolve/[^/]+/(.+)$ { alias " + data + "/$1; }",
                "    location /files/ { alias " + data + "/; autoindex on; }",
                "  }",
                "}",
                "");
        // In a regex location, alias names the whole answer: the JSON files whatever the revision.
        Path confFile = Files.writeString(work.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(
                        "nginx", "-p", work.toString(), "-c", confFile.toString(), "-g", "daemon off; user root;")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("logs/stdout.log").toFile())
                .start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!accepts(port)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("nginx did not start: " + Files.readString(work.resolve("logs/stdout.log"))
                        + readIfExists(work.resolve("logs/error.log")));
            }
            Thread.sleep(20);
        }
        return new NginxHub(p, port);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The download URL of a file. */
    String url(String name) {
        return endpoint() + "/bench/model/resolve/main/" + name;
    }

    @Override
    public void close() throws InterruptedException {
        nginx.destroy(); // SIGTERM: nginx's fast shutdown, workers included
        nginx.waitFor();
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String readIfExists(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }

    private static byte[] lfsPointer(String sha, long size) {
        return ("version https://git-lfs.github.com/spec/v1\noid sha256:" + sha + "\nsize " + size + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String gitBlobId(byte[] content) {
        MessageDigest sha1 = digest("SHA-1");
        sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha1.digest(content));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha = digest("SHA-256");
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
