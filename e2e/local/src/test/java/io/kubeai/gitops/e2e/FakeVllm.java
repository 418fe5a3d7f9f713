package io.kubeai.gitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.cli.LoaderMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for vLLM's OpenAI-compatible server that holds a container to vLLM's contract: it refuses a
 * flag or load format its image's version does not have (as argparse does, before serving anything), reads
 * the model where the arguments say (a mounted folder, S3 through the Run:ai streamer, or the Hub), serves
 * {@code /health}, {@code /v1/models} and chat completions for the model and its adapters, and has the
 * runtime LoRA API only with {@code --enable-lora} and {@code VLLM_ALLOW_RUNTIME_LORA_UPDATING=True}.
 * An adapter's {@code lora_path} is a path in the server's container and must hold {@code adapter_config.json}.
 */
final class FakeVllm implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalPod.Prepared container;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> adapters = new ConcurrentHashMap<>();
    private final String servedName;
    private final boolean runtimeLora;
    private final HttpServer server;
    private final List<String> loaded = new ArrayList<>();

    /** Thrown where vLLM would exit before serving: a refused flag, or a model it cannot read. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private FakeVllm(LocalPod.Prepared container, String address) throws IOException {
        this.container = container;
        int version = VllmVersions.of(container.container().image())
                .orElseThrow(() -> new Refused("no vLLM version in the image tag "
                        + container.container().image()));
        List<String> flags = new ArrayList<>();
        List<String> args = container.args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new Refused("unrecognized arguments: " + arg);
            }
            int eq = arg.indexOf('=');
            String flag = eq > 0 ? arg.substring(0, eq) : arg;
            String value = eq > 0
                    ? arg.substring(eq + 1)
                    : VllmVersions.SWITCHES.contains(flag) || i + 1 == args.size() ? "" : args.get(++i);
            flags.add(flag);
            values.merge(flag, value, (a, b) -> a + " " + b);
        }
        VllmVersions.problem(version, flags, values).ifPresent(p -> {
            throw new Refused("vllm: error: " + p);
        });
        String model = values.get("--model");
        if (model == null) {
            throw new Refused("vllm: error: no --model");
        }
        servedName = values.getOrDefault("--served-model-name", model);
        boolean lora = values.containsKey("--enable-lora");
        runtimeLora = lora
                && version >= VllmVersions.RUNTIME_LORA
                && List.of("True", "true", "1")
                        .contains(container.env().getOrDefault("VLLM_ALLOW_RUNTIME_LORA_UPDATING", ""));
        readModel(model);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(address.split(":")[1])), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** Starts the server container of a pod at {@code address} ({@code 127.0.0.1:port}). */
    static FakeVllm start(LocalPod.Prepared container, String address) throws IOException {
        return new FakeVllm(container, address);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What the server read the model from: its files, as vLLM would have loaded them. */
    List<String> loadedFiles() {
        return loaded;
    }

    private void readModel(String model) throws IOException {
        Path dir;
        if (model.startsWith("/")) {
            dir = Path.of(model);
        } else if (model.startsWith("s3://")) {
            if (!"runai_streamer".equals(values.get("--load-format"))) {
                throw new Refused("vllm: error: an s3:// model needs --load-format=runai_streamer");
            }
            dir = download(model);
        } else {
            String revision = values.get("--revision");
            dir = download("hf://" + model + (revision == null ? "" : "@" + revision));
        }
        if (!Files.isRegularFile(dir.resolve("config.json"))) {
            throw new Refused("vllm: " + model + " has no config.json: not a model");
        }
        try (var files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString())
                    .sorted()
                    .forEach(loaded::add);
        }
    }

    /** vLLM's own download (the Hub's client, or the streamer's S3 reads): the loader library, same variables. */
    private Path download(String url) throws IOException {
        Path target = Files.createTempDirectory("fake-vllm-model");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LoaderMain.run(
                new String[] {"load", url, target.toString()},
                LoaderEnv.of(container.env()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new Refused("vllm: cannot read " + url + ": " + err.toString(StandardCharsets.UTF_8));
        }
        return target;
    }

    /** Every request as {@code METHOD /path -> status}, for a failing test to show. */
    final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        } catch (RuntimeException | IOException e) {
            requests.add("failed: " + e);
            throw e;
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            requests.add(method + " " + path);
            JsonNode body = method.equals("POST") ? JSON.readTree(exchange.getRequestBody()) : null;
            switch (method + " " + path) {
                case "GET /health" -> send(exchange, 200, JSON.createObjectNode());
                case "GET /v1/models" -> send(exchange, 200, models());
                case "POST /v1/chat/completions" -> chat(exchange, body);
                case "POST /v1/load_lora_adapter" -> load(exchange, body);
                case "POST /v1/unload_lora_adapter" -> unload(exchange, body);
                default -> send(exchange, 404, error("Not Found"));
            }
        }
    }

    private ObjectNode models() {
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        data.addObject().put("id", servedName).put("object", "model").put("root", values.get("--model"));
        adapters.forEach((name, lora) -> data.addObject()
                .put("id", name)
                .put("object", "model")
                .put("root", lora)
                .put("parent", servedName));
        return list;
    }

    private void chat(HttpExchange exchange, JsonNode body) throws IOException {
        String model = body.path("model").asText();
        if (!model.equals(servedName) && !adapters.containsKey(model)) {
            send(exchange, 404, error("The model `" + model + "` does not exist."));
            return;
        }
        ObjectNode reply = JSON.createObjectNode()
                .put("id", "chatcmpl-e2e")
                .put("object", "chat.completion")
                .put("model", model);
        reply.putArray("choices")
                .addObject()
                .put("index", 0)
                .put("finish_reason", "stop")
                .putObject("message")
                .put("role", "assistant")
                .put("content", "an answer from " + model);
        send(exchange, 200, reply);
    }

    private void load(HttpExchange exchange, JsonNode body) throws IOException {
        if (!runtimeLora) {
            send(exchange, 404, error("Not Found"));
            return;
        }
        String name = body.path("lora_name").asText();
        String loraPath = body.path("lora_path").asText();
        // The sidecar runs here with its own paths mapped: what it sends is a path in its container, read
        // back here as the server sees it. Both must mount the volume at the same path, as in the pod.
        LocalPod pod = container.pod();
        PodSpec.Container sidecar = pod.spec().initContainers().stream()
                .filter(PodSpec.Container::sidecar)
                .findFirst()
                .orElseThrow();
        java.util.Optional<String> inSidecar = pod.containerPath(sidecar, loraPath);
        java.util.Optional<String> inServer = pod.containerPath(container.container(), loraPath);
        if (inSidecar.isEmpty() || !inSidecar.equals(inServer)) {
            send(
                    exchange,
                    400,
                    error("No adapter found at " + inSidecar.orElse(loraPath) + " in the server (it sees "
                            + inServer.orElse("nothing there") + ")"));
            return;
        }
        Path local = Path.of(loraPath);
        if (!Files.isRegularFile(local.resolve("adapter_config.json"))) {
            send(exchange, 400, error("No adapter found for " + loraPath));
            return;
        }
        if (adapters.putIfAbsent(name, loraPath) != null) {
            send(exchange, 400, error("The lora adapter '" + name + "' has already been loaded."));
            return;
        }
        sendText(exchange, "Success: LoRA adapter '" + name + "' added successfully.");
    }

    private void unload(HttpExchange exchange, JsonNode body) throws IOException {
        if (!runtimeLora) {
            send(exchange, 404, error("Not Found"));
            return;
        }
        String name = body.path("lora_name").asText();
        if (adapters.remove(name) == null) {
            send(exchange, 404, error("The lora adapter '" + name + "' cannot be found."));
            return;
        }
        sendText(exchange, "Success: LoRA adapter '" + name + "' removed successfully.");
    }

    private static ObjectNode error(String message) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", message);
        return error;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sendText(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
