package io.kubeai.gitops.adaptersync.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubeai.gitops.adaptersync.reconcile.AdapterStatus;
import io.kubeai.gitops.adaptersync.reconcile.Reconciler;
import io.kubeai.gitops.adaptersync.reconcile.SyncStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the probes and the status page.
 * <ul>
 *   <li>{@code GET /readyz}: 200 once the engine serves (see {@link SyncStatus#ready()}), naming adapters that
 *       are pending or failing; else 503 with the reason.</li>
 *   <li>{@code GET /healthz}: 200 while the reconcile loop makes progress; 503 if one pass has been running
 *       longer than {@code stuckAfter}.</li>
 *   <li>{@code GET /status}: the last {@link SyncStatus} as JSON.</li>
 * </ul>
 */
public final class StatusServer implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final HttpServer server;
    private final ExecutorService executor;

    public StatusServer(InetSocketAddress listen, Reconciler reconciler, Duration stuckAfter) throws IOException {
        server = HttpServer.create(listen, 16);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "adapter-sync-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/readyz", ex -> {
            SyncStatus s = reconciler.status();
            reply(
                    ex,
                    s.ready() ? 200 : 503,
                    "text/plain",
                    s.ready() ? "ready" + missing(s) + "\n" : "not ready: " + s.notReadyReason() + "\n");
        });
        server.createContext("/healthz", ex -> {
            Duration age = reconciler.currentPassAge();
            boolean stuck = age.compareTo(stuckAfter) > 0;
            reply(
                    ex,
                    stuck ? 503 : 200,
                    "text/plain",
                    stuck ? "reconcile pass running for " + age.toSeconds() + "s\n" : "ok\n");
        });
        server.createContext(
                "/status",
                ex -> reply(ex, 200, "application/json", JSON.writeValueAsString(reconciler.status()) + "\n"));
    }

    public void start() {
        server.start();
    }

    /** The bound port (useful when listening on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Ready while adapters are missing: the base model serves; say which adapters do not (yet). */
    private static String missing(SyncStatus s) {
        StringBuilder b = new StringBuilder();
        for (AdapterStatus.State state : List.of(AdapterStatus.State.PENDING, AdapterStatus.State.FAILING)) {
            List<String> names = s.adapters().stream()
                    .filter(a -> a.state() == state)
                    .map(AdapterStatus::name)
                    .toList();
            if (!names.isEmpty()) {
                b.append(b.length() == 0 ? "; " : ", ")
                        .append(state.json())
                        .append(' ')
                        .append(names);
            }
        }
        return b.toString();
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                status = 405;
                body = "use GET\n";
            } else if (!ex.getRequestURI().getPath().equals(ex.getHttpContext().getPath())) {
                status = 404;
                body = "not found\n";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
