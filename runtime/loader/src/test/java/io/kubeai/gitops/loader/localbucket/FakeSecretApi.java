package io.kubeai.gitops.loader.localbucket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of the API server the local bucket's setup Job uses: GET and JSON merge PATCH of Secrets in
 * one namespace, with bearer-token authentication, RBAC by resource name ({@code get} and {@code patch} on
 * the Secrets the token may touch) and optimistic concurrency on {@code metadata.resourceVersion}.
 */
final class FakeSecretApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String namespace;
    private final String token;
    private final List<String> allowed;
    private final Map<String, ObjectNode> secrets = new TreeMap<>();
    private final List<String> requests = new ArrayList<>();
    private int version = 100;

    FakeSecretApi(String namespace, String token, List<String> allowed) throws IOException {
        this.namespace = namespace;
        this.token = token;
        this.allowed = allowed;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Adds a Secret as a GitOps engine would apply it from the rendered tree. */
    synchronized void apply(JsonNode rendered) {
        ObjectNode secret = rendered.deepCopy();
        ((ObjectNode) secret.path("metadata")).put("resourceVersion", String.valueOf(version++));
        secrets.put(secret.path("metadata").path("name").asText(), secret);
    }

    /** A Secret's data, decoded. */
    synchronized Map<String, String> data(String name) {
        Map<String, String> data = new TreeMap<>();
        secrets.get(name)
                .path("data")
                .properties()
                .forEach(e -> data.put(
                        e.getKey(),
                        new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)));
        return data;
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        String prefix = "/api/v1/namespaces/" + namespace + "/secrets/";
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"kind\":\"Status\",\"code\":401}");
            return;
        }
        String name = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
        if (!allowed.contains(name) || !(method.equals("GET") || method.equals("PATCH"))) {
            respond(exchange, 403, "{\"kind\":\"Status\",\"code\":403}");
            return;
        }
        ObjectNode secret = secrets.get(name);
        if (secret == null) {
            respond(exchange, 404, "{\"kind\":\"Status\",\"code\":404}");
            return;
        }
        if (method.equals("PATCH")) {
            if (!"application/merge-patch+json"
                    .equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                respond(exchange, 415, "{}");
                return;
            }
            JsonNode patch = JSON.readTree(exchange.getRequestBody());
            String expected = patch.path("metadata").path("resourceVersion").asText("");
            if (!expected.isEmpty()
                    && !expected.equals(
                            secret.path("metadata").path("resourceVersion").asText())) {
                respond(exchange, 409, "{\"kind\":\"Status\",\"code\":409}");
                return;
            }
            ObjectNode data = secret.has("data") ? (ObjectNode) secret.get("data") : secret.putObject("data");
            patch.path("data").properties().forEach(e -> data.set(e.getKey(), e.getValue()));
            ((ObjectNode) secret.path("metadata")).put("resourceVersion", String.valueOf(version++));
        }
        respond(exchange, 200, secret.toString());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
