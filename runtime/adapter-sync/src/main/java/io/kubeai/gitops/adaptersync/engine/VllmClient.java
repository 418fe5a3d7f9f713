package io.kubeai.gitops.adaptersync.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Talks to one vLLM server's runtime LoRA API ({@code VLLM_ALLOW_RUNTIME_LORA_UPDATING=True}). HTTP/1.1
 * only: uvicorn does not speak h2c, and the upgrade attempt only costs time.
 */
public final class VllmClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    public VllmClient(URI base, Duration timeout) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
    }

    public URI base() {
        return base;
    }

    /** {@code GET /v1/models}: the base model and every loaded LoRA adapter. */
    public List<LoadedModel> models() throws EngineUnavailableException {
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(base.resolve("v1/models")).GET());
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot reach the engine at " + base + ": " + describe(e), e);
        }
        if (response.statusCode() != 200) {
            throw new EngineUnavailableException(
                    "the engine at " + base + " answered GET /v1/models with HTTP " + response.statusCode() + ": "
                            + ErrorMessages.extract(response.body()),
                    null);
        }
        try {
            JsonNode data = MAPPER.readTree(response.body()).path("data");
            List<LoadedModel> models = new ArrayList<>();
            for (JsonNode m : data) {
                models.add(
                        new LoadedModel(m.path("id").asText(), textOrNull(m.get("root")), textOrNull(m.get("parent"))));
            }
            return models;
        } catch (IOException e) {
            throw new EngineUnavailableException("the engine's /v1/models is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * {@code POST /v1/load_lora_adapter}. Returns normally on any 2xx, whatever the body.
     *
     * @throws EngineRejectedException on an error status; "already loaded" is among them in older versions,
     *                                 so callers confirm with {@link #models()}
     */
    public void load(String name, String path) throws EngineUnavailableException, EngineRejectedException {
        post("v1/load_lora_adapter", Map.of("lora_name", name, "lora_path", path));
    }

    /**
     * {@code POST /v1/unload_lora_adapter}. An adapter the engine does not know (404, or 400 "not found")
     * counts as unloaded.
     */
    public void unload(String name) throws EngineUnavailableException, EngineRejectedException {
        try {
            post("v1/unload_lora_adapter", Map.of("lora_name", name));
        } catch (EngineRejectedException e) {
            if (e.status() == 404 || (e.status() == 400 && ErrorMessages.saysNotFound(e.getMessage()))) {
                return;
            }
            throw e;
        }
    }

    private void post(String path, Map<String, String> body)
            throws EngineUnavailableException, EngineRejectedException {
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))));
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot reach the engine at " + base + ": " + describe(e), e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new EngineRejectedException(status, ErrorMessages.extract(response.body()));
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
