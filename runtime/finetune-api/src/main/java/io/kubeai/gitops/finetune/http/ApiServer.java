package io.kubeai.gitops.finetune.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubeai.gitops.finetune.ApiException;
import io.kubeai.gitops.finetune.files.FileService;
import io.kubeai.gitops.finetune.jobs.JobRequest;
import io.kubeai.gitops.finetune.jobs.JobService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP front: OpenAI's paths under {@code /v1}, bearer auth on all of them, size limits, and every
 * failure as OpenAI's error JSON. {@code /healthz} answers without auth for the probes. One log line a
 * request: method, path, status, time; never a header.
 */
public final class ApiServer implements AutoCloseable {
    private static final Pattern FILE = Pattern.compile("/v1/files/([^/]+)(/content)?");
    private static final Pattern JOB = Pattern.compile("/v1/fine_tuning/jobs/([^/]+)(/cancel|/events)?");

    private final HttpServer server;
    private final ExecutorService executor;
    private final ApiKeys keys;
    private final FileService files;
    private final JobService jobs;
    private final ObjectMapper json;
    private final long maxUploadBytes;
    private final long maxRequestBytes;
    private final Consumer<String> log;

    public ApiServer(
            InetSocketAddress address,
            java.util.List<String> apiKeys,
            FileService files,
            JobService jobs,
            ObjectMapper json,
            long maxUploadBytes,
            long maxRequestBytes,
            Consumer<String> log)
            throws IOException {
        this.keys = new ApiKeys(apiKeys);
        this.files = files;
        this.jobs = jobs;
        this.json = json;
        this.maxUploadBytes = maxUploadBytes;
        this.maxRequestBytes = maxRequestBytes;
        this.log = log;
        this.server = HttpServer.create(address, 64);
        this.executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        int status;
        try (exchange) {
            try {
                status = route(exchange, method, path);
            } catch (ApiException e) {
                status = error(exchange, e);
            } catch (RuntimeException | IOException e) {
                log.accept("error: " + method + " " + path + ": " + e);
                status = error(
                        exchange,
                        ApiException.server("internal error: " + e.getClass().getSimpleName()));
            }
        } catch (IOException e) {
            status = -1; // the client went away mid-answer
        }
        log.accept(method + " " + path + " " + status + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private int route(HttpExchange exchange, String method, String path) throws IOException, ApiException {
        if (path.equals("/healthz")) {
            return send(exchange, 200, json.createObjectNode().put("status", "ok"));
        }
        keys.check(exchange.getRequestHeaders().getFirst("Authorization"));
        Map<String, String> query = query(exchange);
        if (path.equals("/v1/files")) {
            return switch (method) {
                case "POST" -> send(exchange, 200, upload(exchange));
                case "GET" ->
                    send(
                            exchange,
                            200,
                            files.list(
                                    Optional.ofNullable(query.get("purpose")),
                                    Optional.ofNullable(query.get("after")),
                                    limit(query, 10000),
                                    "asc".equals(query.get("order"))));
                default -> throw notAllowed(method, path);
            };
        }
        Matcher file = FILE.matcher(path);
        if (file.matches()) {
            String id = file.group(1);
            if (file.group(2) != null) {
                expect(method, "GET", path);
                try (InputStream content = files.content(id)) {
                    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        content.transferTo(out);
                    }
                }
                return 200;
            }
            return switch (method) {
                case "GET" -> send(exchange, 200, files.get(id));
                case "DELETE" -> send(exchange, 200, files.delete(id));
                default -> throw notAllowed(method, path);
            };
        }
        if (path.equals("/v1/fine_tuning/jobs")) {
            return switch (method) {
                case "POST" ->
                    send(
                            exchange,
                            200,
                            jobs.create(
                                    JobRequest.parse(readJson(exchange)),
                                    Optional.ofNullable(
                                                    exchange.getRequestHeaders().getFirst("Idempotency-Key"))
                                            .filter(k -> !k.isBlank())));
                case "GET" ->
                    send(exchange, 200, jobs.list(Optional.ofNullable(query.get("after")), limit(query, 100)));
                default -> throw notAllowed(method, path);
            };
        }
        Matcher job = JOB.matcher(path);
        if (job.matches()) {
            String id = job.group(1);
            String action = job.group(2) == null ? "" : job.group(2);
            switch (action) {
                case "/cancel" -> {
                    expect(method, "POST", path);
                    return send(exchange, 200, jobs.cancel(id));
                }
                case "/events" -> {
                    expect(method, "GET", path);
                    return send(
                            exchange, 200, jobs.events(id, Optional.ofNullable(query.get("after")), limit(query, 100)));
                }
                default -> {
                    expect(method, "GET", path);
                    return send(exchange, 200, jobs.get(id));
                }
            }
        }
        throw ApiException.notFound("Unknown request URL: " + method + " " + path);
    }

    private ObjectNode upload(HttpExchange exchange) throws IOException, ApiException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String boundary = Multipart.boundary(contentType)
                .orElseThrow(() -> ApiException.invalid(
                        null,
                        "invalid_content_type",
                        "POST /v1/files takes multipart/form-data with 'file' and 'purpose'"));
        Path temp = Files.createTempFile("upload-", ".jsonl");
        try {
            Multipart.Form form = Multipart.read(exchange.getRequestBody(), boundary, "file", temp, maxUploadBytes);
            Multipart.FilePart part = form.file()
                    .orElseThrow(() -> ApiException.invalid(
                            "file", "missing_required_parameter", "Missing required parameter: 'file'"));
            String purpose = Optional.ofNullable(form.fields().get("purpose"))
                    .orElseThrow(() -> ApiException.invalid(
                            "purpose", "missing_required_parameter", "Missing required parameter: 'purpose'"));
            return files.upload(purpose.strip(), part.filename(), part.path(), part.size());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private JsonNode readJson(HttpExchange exchange) throws IOException, ApiException {
        byte[] body = exchange.getRequestBody().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
        if (body.length > maxRequestBytes) {
            throw ApiException.tooLarge(null, "the request body is larger than " + maxRequestBytes + " bytes");
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw ApiException.invalid(null, "invalid_json", "the request body is not valid JSON");
        }
    }

    private int send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    private int error(HttpExchange exchange, ApiException e) throws IOException {
        ObjectNode body = json.createObjectNode();
        ObjectNode error =
                body.putObject("error").put("message", e.getMessage()).put("type", e.type());
        if (e.param() == null) {
            error.putNull("param");
        } else {
            error.put("param", e.param());
        }
        if (e.code() == null) {
            error.putNull("code");
        } else {
            error.put("code", e.code());
        }
        // The rest of a refused upload is not read; the connection must not be reused for another request.
        exchange.getResponseHeaders().set("Connection", "close");
        return send(exchange, e.status(), body);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static int limit(Map<String, String> query, int max) throws ApiException {
        String value = query.getOrDefault("limit", "20");
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > max) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("limit", "invalid_value", "limit must be a whole number from 1 to " + max);
        }
    }

    private static void expect(String method, String allowed, String path) throws ApiException {
        if (!method.equals(allowed)) {
            throw notAllowed(method, path);
        }
    }

    private static ApiException notAllowed(String method, String path) {
        return new ApiException(
                405,
                "invalid_request_error",
                null,
                "method_not_allowed",
                "Method " + method + " is not allowed for " + path);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
