package io.kubeai.gitops.adaptersync.fakevllm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An OpenAI-compatible server that behaves like vLLM's runtime LoRA API, on 127.0.0.1 and a port chosen at
 * run time. It checks that an adapter directory exists and holds {@code adapter_config.json}, records every
 * load and unload, answers in the style of older or newer vLLM versions, fails on demand, and can
 * "restart" (forget every adapter) or go down (connection refused) and come back on the same port.
 */
public final class FakeVllm implements AutoCloseable {

    /** How responses are shaped. */
    public enum Style {
        /**
         * Older vLLM: plain-text success, 400 {@code {"object":"error","message":..}} for "already loaded" and for
         * unloading an unknown adapter.
         */
        OLD,
        /**
         * Newer vLLM: JSON success, loading a loaded adapter is accepted, 404
         * {@code {"error":{"message":..}}} for an unknown adapter.
         */
        NEW,
        /** FastAPI-style errors: {@code {"detail":..}}. */
        DETAIL
    }

    /** One load or unload request, the status it got, and when it arrived ({@link System#nanoTime()}). */
    public record Call(String kind, String name, String path, int status, long atNanos) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // uvicorn sets TCP_NODELAY; without it the JDK server's split writes meet delayed ACKs (40 ms a request).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String baseModel;
    private final Map<String, String> loaded = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private volatile Style style;
    private volatile long loadDelayMillis;
    private volatile boolean runtimeLoraDisabled;
    private volatile HttpServer server;
    private int port;

    public FakeVllm(String baseModel, Style style) throws IOException {
        this.baseModel = baseModel;
        this.style = style;
        start();
    }

    /** Starts listening (again), on the same port as before if it ran already. */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        s.createContext("/v1/models", this::models);
        s.createContext("/v1/load_lora_adapter", this::load);
        s.createContext("/v1/unload_lora_adapter", this::unload);
        s.start();
        port = s.getAddress().getPort();
        server = s;
    }

    /** Stops listening: the engine is down (connection refused); loaded adapters are lost. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        loaded.clear();
    }

    /** The process restarted: every runtime-loaded adapter is forgotten. */
    public void restart() {
        loaded.clear();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public void style(Style s) {
        style = s;
    }

    /** Makes every load of {@code servedName} fail with HTTP 500 until {@link #heal}. */
    public void failLoadsOf(String servedName) {
        failing.add(servedName);
    }

    public void heal(String servedName) {
        failing.remove(servedName);
    }

    /** Without VLLM_ALLOW_RUNTIME_LORA_UPDATING the load and unload routes do not exist: 404. */
    public void runtimeLoraDisabled(boolean disabled) {
        runtimeLoraDisabled = disabled;
    }

    /** Simulates the time vLLM takes to read an adapter into memory. */
    public void loadDelayMillis(long millis) {
        loadDelayMillis = millis;
    }

    /** Served name -> path of every loaded adapter. */
    public Map<String, String> loaded() {
        return new TreeMap<>(loaded);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String kind) {
        return calls.stream().filter(c -> c.kind().equals(kind)).collect(Collectors.toList());
    }

    private void models(HttpExchange ex) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("object", "list");
        ArrayNode data = body.putArray("data");
        data.addObject()
                .put("id", baseModel)
                .put("object", "model")
                .put("owned_by", "vllm")
                .put("root", "/models/" + baseModel)
                .putNull("parent");
        new TreeMap<>(loaded).forEach((name, path) -> {
            ObjectNode m = data.addObject()
                    .put("id", name)
                    .put("object", "model")
                    .put("owned_by", "vllm")
                    .put("root", path);
            if (style != Style.OLD) {
                m.put("parent", baseModel);
            }
        });
        send(ex, 200, "application/json", body.toString());
    }

    private void load(HttpExchange ex) throws IOException {
        long arrived = System.nanoTime();
        JsonNode req = JSON.readTree(ex.getRequestBody());
        String name = req.path("lora_name").asText();
        String path = req.path("lora_path").asText();
        sleep(loadDelayMillis);
        int status;
        String body;
        if (runtimeLoraDisabled) {
            status = 404;
            body = "{\"detail\":\"Not Found\"}";
        } else if (failing.contains(name)) {
            status = 500;
            body = error(500, "injected failure loading '" + name + "'");
        } else if (loaded.containsKey(name) && style != Style.NEW) {
            status = 400;
            body = error(400, "The lora adapter '" + name + "' has already been loaded.");
        } else if (!Files.isRegularFile(Path.of(path).resolve("adapter_config.json"))) {
            status = 400;
            body = error(400, "Loading lora " + name + " failed: No adapter found for " + path);
        } else {
            status = 200;
            body = success("LoRA adapter '" + name + "' added successfully.");
        }
        // Recorded before the adapter is listed: a test that sees it listed then finds its call.
        calls.add(new Call("load", name, path, status, arrived));
        if (status == 200) {
            loaded.put(name, path);
        }
        send(ex, status, body.startsWith("{") ? "application/json" : "text/plain", body);
    }

    private void unload(HttpExchange ex) throws IOException {
        long arrived = System.nanoTime();
        JsonNode req = JSON.readTree(ex.getRequestBody());
        String name = req.path("lora_name").asText();
        int status;
        String body;
        if (loaded.containsKey(name)) {
            status = 200;
            body = success("LoRA adapter '" + name + "' removed successfully.");
        } else {
            status = style == Style.OLD ? 400 : 404;
            body = error(status, "The lora adapter '" + name + "' cannot be found.");
        }
        calls.add(new Call("unload", name, null, status, arrived));
        if (status == 200) {
            loaded.remove(name);
        }
        send(ex, status, body.startsWith("{") ? "application/json" : "text/plain", body);
    }

    private String success(String message) {
        if (style == Style.NEW) {
            return JSON.createObjectNode()
                    .put("status", "success")
                    .put("message", message)
                    .toString();
        }
        return "Success: " + message;
    }

    private String error(int code, String message) {
        switch (style) {
            case OLD:
                return JSON.createObjectNode()
                        .put("object", "error")
                        .put("message", message)
                        .put("type", "BadRequestError")
                        .putNull("param")
                        .put("code", code)
                        .toString();
            case NEW: {
                ObjectNode body = JSON.createObjectNode();
                body.putObject("error")
                        .put("message", message)
                        .put("type", "BadRequestError")
                        .put("code", code);
                return body.toString();
            }
            default:
                return JSON.createObjectNode().put("detail", message).toString();
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
