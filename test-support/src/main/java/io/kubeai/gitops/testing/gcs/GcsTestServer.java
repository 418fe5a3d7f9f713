package io.kubeai.gitops.testing.gcs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * A Google Cloud Storage JSON API server for tests, on 127.0.0.1 and a port chosen at run time: object
 * listings, media downloads with {@code Range} and {@code generation}, and the two token endpoints a
 * client gets OAuth tokens from (the GCE metadata server's and the OAuth endpoint's JWT-bearer grant,
 * checked against the service-account keys it issued).
 *
 * <pre>{@code
 * try (GcsTestServer gcs = GcsTestServer.start()) {
 *   gcs.put("models", "llama/config.json", bytes);
 *   String key = gcs.serviceAccountKey("loader@project.iam.gserviceaccount.com"); // the key's JSON
 *   gcs.requireAuth(true);
 *   gcs.fail("/download/", 503, 2); // the next two matching requests fail
 *   gcs.requests(); // what was asked
 * }
 * }</pre>
 *
 * <p>Routes: {@code GET /storage/v1/b/{bucket}/o?prefix=&pageToken=}, {@code GET
 * /storage/v1/b/{bucket}/o/{object}?alt=media[&generation=]}, {@code GET
 * /computeMetadata/v1/instance/service-accounts/default/token} (needs {@code Metadata-Flavor: Google})
 * and {@code POST /token}.
 */
public final class GcsTestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gcs-test-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, NavigableMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    private final Map<String, KeyPair> accounts = new ConcurrentHashMap<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong(1_700_000_000_000_000L);
    private final AtomicInteger tokenCount = new AtomicInteger();
    private volatile boolean requireAuth;
    private volatile boolean metadataHasAccount = true;
    private volatile int pageSize = 1000;

    /** An object's bytes and the checksums the JSON API reports. */
    private record StoredObject(byte[] bytes, long generation, String md5, String crc32c) {}

    private record Failure(String pathPart, int status, AtomicInteger left) {}

    private GcsTestServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        http.setExecutor(threads);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static GcsTestServer start() {
        try {
            return new GcsTestServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Cloud Storage test server", e);
        }
    }

    /** The base URL, for {@code GCS_ENDPOINT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** {@code host:port} of the metadata server, for {@code GCE_METADATA_HOST}. */
    public String metadataHost() {
        return "127.0.0.1:" + http.getAddress().getPort();
    }

    /** Stores an object (a new generation when it exists); the bucket is created on first use. */
    public GcsTestServer put(String bucket, String name, byte[] bytes) {
        buckets.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>())
                .put(name, new StoredObject(bytes.clone(), generations.incrementAndGet(), md5(bytes), crc32c(bytes)));
        return this;
    }

    /** Creates an empty bucket. */
    public GcsTestServer createBucket(String bucket) {
        buckets.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>());
        return this;
    }

    /**
     * Replaces an object's bytes while keeping its generation and checksums: what a store's silent
     * corruption looks like to a client.
     */
    public GcsTestServer corrupt(String bucket, String name, byte[] bytes) {
        StoredObject o = buckets.get(bucket).get(name);
        buckets.get(bucket).put(name, new StoredObject(bytes.clone(), o.generation(), o.md5(), o.crc32c()));
        return this;
    }

    /** Requires {@code Authorization: Bearer} with a token this server issued on storage requests. */
    public GcsTestServer requireAuth(boolean require) {
        this.requireAuth = require;
        return this;
    }

    /** Whether the metadata server has a service account to give a token for (404 when not). */
    public GcsTestServer metadataHasAccount(boolean has) {
        this.metadataHasAccount = has;
        return this;
    }

    /** How many objects a listing page holds before a {@code nextPageToken}. */
    public GcsTestServer pageSize(int size) {
        this.pageSize = Math.max(1, size);
        return this;
    }

    /** Fails the next {@code times} requests whose path and query contain {@code pathPart} with {@code status}. */
    public GcsTestServer fail(String pathPart, int status, int times) {
        failures.add(new Failure(pathPart, status, new AtomicInteger(times)));
        return this;
    }

    /**
     * Issues a service-account key whose JWTs this server's {@code POST /token} accepts, as the JSON
     * file {@code gcloud iam service-accounts keys create} writes ({@code token_uri} points here).
     */
    public String serviceAccountKey(String clientEmail) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            accounts.put(clientEmail, pair);
            ObjectNode key = JSON.createObjectNode()
                    .put("type", "service_account")
                    .put("project_id", "test-project")
                    .put("private_key_id", "k" + accounts.size())
                    .put(
                            "private_key",
                            "-----BEGIN PRIVATE KEY-----\n"
                                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                            .encodeToString(pair.getPrivate().getEncoded())
                                    + "\n-----END PRIVATE KEY-----\n")
                    .put("client_email", clientEmail)
                    .put("token_uri", endpoint() + "/token");
            return JSON.writeValueAsString(key);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every request so far: {@code METHOD path?query [Range]}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** How many tokens the two token endpoints have issued. */
    public int tokensIssued() {
        return tokenCount.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String raw = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            String range = ex.getRequestHeaders().getFirst("Range");
            requests.add(ex.getRequestMethod() + " " + raw + (query == null ? "" : "?" + query)
                    + (range == null ? "" : " " + range));
            for (Failure f : failures) {
                if ((raw + "?" + query).contains(f.pathPart()) && f.left().getAndDecrement() > 0) {
                    error(ex, f.status(), "injected failure");
                    return;
                }
            }
            if (raw.equals("/token") && ex.getRequestMethod().equals("POST")) {
                TokenGrants.jwtBearer(this, ex, accounts);
            } else if (raw.equals("/computeMetadata/v1/instance/service-accounts/default/token")) {
                if (!"Google".equals(ex.getRequestHeaders().getFirst("Metadata-Flavor"))) {
                    error(ex, 403, "missing Metadata-Flavor: Google");
                } else if (!metadataHasAccount) {
                    error(ex, 404, "no service account is bound to this workload");
                } else {
                    sendJson(ex, 200, issueToken());
                }
            } else if (raw.startsWith("/storage/v1/b/")) {
                storage(ex, raw.substring("/storage/v1/b/".length()), params(query), range);
            } else {
                error(ex, 404, "no route for " + raw);
            }
        } catch (RuntimeException e) {
            error(ex, 500, e.toString());
        }
    }

    /** A new access token, as both token endpoints answer. */
    ObjectNode issueToken() {
        String token = "ya29.test-" + tokenCount.incrementAndGet();
        tokens.put(token, true);
        return JSON.createObjectNode()
                .put("access_token", token)
                .put("expires_in", 3599)
                .put("token_type", "Bearer");
    }

    private void storage(HttpExchange ex, String rest, Map<String, String> params, String range) throws IOException {
        if (requireAuth) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !tokens.containsKey(auth.substring(7))) {
                error(
                        ex,
                        401,
                        auth == null
                                ? "Anonymous caller does not have storage.objects.list access"
                                : "Invalid Credentials");
                return;
            }
        }
        int slash = rest.indexOf('/');
        String bucket = decode(rest.substring(0, slash < 0 ? rest.length() : slash));
        NavigableMap<String, StoredObject> objects = buckets.get(bucket);
        if (objects == null) {
            error(ex, 404, "The specified bucket does not exist.");
            return;
        }
        String after = slash < 0 ? "" : rest.substring(slash);
        if (after.equals("/o")) {
            list(ex, objects, params);
        } else if (after.startsWith("/o/") && "media".equals(params.get("alt"))) {
            StoredObject o = objects.get(decode(after.substring(3)));
            String generation = params.get("generation");
            if (o == null || generation != null && !generation.equals(Long.toString(o.generation()))) {
                error(ex, 404, "No such object: " + bucket + "/" + decode(after.substring(3)));
                return;
            }
            media(ex, o, range);
        } else {
            error(ex, 400, "unsupported request");
        }
    }

    private void list(HttpExchange ex, NavigableMap<String, StoredObject> objects, Map<String, String> params)
            throws IOException {
        String prefix = params.getOrDefault("prefix", "");
        String from = params.getOrDefault("pageToken", prefix);
        ObjectNode answer = JSON.createObjectNode().put("kind", "storage#objects");
        ArrayNode items = answer.putArray("items");
        for (Map.Entry<String, StoredObject> e : objects.tailMap(from, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (items.size() == pageSize) {
                answer.put("nextPageToken", e.getKey());
                break;
            }
            StoredObject o = e.getValue();
            items.addObject()
                    .put("kind", "storage#object")
                    .put("name", e.getKey())
                    .put("size", Long.toString(o.bytes().length))
                    .put("generation", Long.toString(o.generation()))
                    .put("md5Hash", o.md5())
                    .put("crc32c", o.crc32c());
        }
        sendJson(ex, 200, answer);
    }

    private static void media(HttpExchange ex, StoredObject o, String range) throws IOException {
        long size = o.bytes().length;
        long start = 0;
        long end = size - 1;
        int status = 200;
        if (range != null && range.startsWith("bytes=")) {
            String[] spec = range.substring(6).split("-", 2);
            start = Long.parseLong(spec[0]);
            end = spec[1].isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(spec[1]));
            status = 206;
            ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        ex.getResponseHeaders().set("x-goog-generation", Long.toString(o.generation()));
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        long length = end - start + 1;
        ex.sendResponseHeaders(status, length == 0 ? -1 : length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(o.bytes(), (int) start, (int) length);
        }
    }

    static void sendJson(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An error in the JSON API's shape: {@code {"error": {"code": 404, "message": "..."}}}. */
    static void error(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", status).put("message", message);
        sendJson(ex, status, body);
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 of the big-endian CRC32C, as the JSON API reports it. */
    private static String crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        long v = crc.getValue();
        return Base64.getEncoder()
                .encodeToString(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
