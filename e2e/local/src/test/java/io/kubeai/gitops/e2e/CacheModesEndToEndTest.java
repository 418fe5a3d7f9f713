package io.kubeai.gitops.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.e2e.PodSpec.Container;
import io.kubeai.gitops.testing.hf.HfTestServer;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For each cache mode (None, a local bucket, sharedFilesystem, staticVolume), a GitOps repo is rendered and its pods run here, everything taken from the rendered
 * YAML: claims are made, the serving pod starts with its unit (and its {@code wait-model} init container
 * blocks), the loader Jobs run, snapshots are taken and restored in their sync waves, the wait returns, the
 * adapter-sync sidecar starts as a process watching its ConfigMap through the API server, and the fake vLLM
 * starts with the server container's arguments and refuses any its image's version lacks. Then a commit adds
 * an adapter: only the ConfigMap changes, and the running server serves the new adapter within seconds while
 * the mounted ConfigMap file is still the old one.
 */
class CacheModesEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HF_TOKEN = "hf_e2e_token";
    private static final String MODEL = "tiny-chat";
    private static final String WAIT = "wait-model";
    private static final Map<String, byte[]> MODEL_FILES = new TreeMap<>(Map.of(
            "config.json", "{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 64}\n".getBytes(UTF_8),
            "tokenizer.json", "{\"version\": \"1.0\"}\n".getBytes(UTF_8),
            "model.safetensors", bytes(8192, 1)));

    @TempDir
    Path tmp;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        pool.shutdownNow();
    }

    @ParameterizedTest(name = "cacheProfile {0}")
    @ValueSource(strings = {"None", "Bucket", "EFS", "Disk"})
    // A bound against a hang: two JVM starts and a few downloads, ~15 s alone on a loaded 2-core machine.
    @Timeout(300)
    void renderedPods_runAsLocalProcesses_serveTheModel_andACommittedAdapterArrivesThroughTheApiServer(String profile)
            throws Exception {
        HfTestServer hub = HfTestServer.start();
        running.add(hub);
        hub.addRepo("org/tiny-chat", MODEL_FILES);
        hub.addRepo("org/tiny-colorist-lora", adapter(2));
        hub.addRepo("org/tiny-energy-lora", adapter(3));
        hub.requireToken(HF_TOKEN);
        Path repo = repo(hub.endpoint(), profile, List.of("colorist"));
        Path rendered = repo.resolve("rendered");
        Cluster cluster = new Cluster(Files.createDirectory(tmp.resolve("cluster")), "kubeai")
                .read(rendered)
                .secret("huggingface", Map.of("token", HF_TOKEN));
        running.add(cluster);
        if (profile.equals("Bucket")) {
            // The local bucket's S3 API is the in-process S3 server: its Service's address maps to it, and
            // what the bucket's setup Job makes in the cluster (the bucket, the keys in their Secret) is made
            // here; the rendered loader Jobs, init containers, sidecar and server use them as rendered.
            S3TestServer s3 = S3TestServer.start().createBucket("kubeai");
            running.add(s3);
            JsonNode store = cluster.object("Service", "kubeai-bucket");
            String service = "http://kubeai-bucket.kubeai.svc.cluster.local:"
                    + store.at("/spec/ports/0/port").asInt();
            cluster.address(service, s3.endpoint().toString().replaceAll("/$", ""))
                    .secret(
                            "kubeai-bucket-credentials",
                            Map.of("accessKeyID", s3.accessKey(), "secretAccessKey", s3.secretKey()));
        }

        // Wave 1: the claims (a claim restored from a snapshot waits for it) and the ConfigMaps.
        for (JsonNode pvc : cluster.inWaves("PersistentVolumeClaim")) {
            if (!pvc.at("/spec/dataSource").isObject()) {
                cluster.createClaim(pvc);
            }
        }
        cluster.objects("ConfigMap")
                .forEach(cm -> cluster.applyConfigMap(cm.at("/metadata/name").asText()));

        // The serving pod's unit applies as soon as its volumes exist (a Model and its shared cache are
        // separate units); its wait init container holds it until the loader's marker exists.
        PodSpec serving = PodSpec.of(cluster.object("Deployment", MODEL));
        boolean cached = !profile.equals("None");
        assertThat(serving.initContainers().stream().anyMatch(c -> c.name().equals(WAIT)))
                .as("a cached model is waited for")
                .isEqualTo(cached);
        LocalPod pod = null;
        Future<Programs.Exit> waiting = null;
        if (cached && !profile.equals("Disk")) {
            pod = new LocalPod(serving, cluster);
            waiting = startWait(pod);
            Thread.sleep(1000);
            assertThat(waiting).as("the model is not loaded yet").isNotDone();
        }

        // The loader Jobs, in their waves, each container to success.
        List<JsonNode> jobs = cluster.inWaves("Job").stream()
                .filter(j -> j.at("/metadata/labels/app.kubernetes.io~1component")
                        .asText()
                        .equals("loader"))
                .toList();
        assertThat(jobs.isEmpty()).as("loader Jobs").isEqualTo(!cached);
        for (JsonNode job : jobs) {
            PodSpec spec = PodSpec.of(job);
            LocalPod jobPod = new LocalPod(spec, cluster);
            for (Container c : Stream.concat(spec.initContainers().stream(), spec.containers().stream())
                    .toList()) {
                Programs.Exit exit = Programs.loader(jobPod.prepare(c));
                assertThat(exit.code()).as(exit.toString()).isZero();
            }
        }
        // Wave 2 and 3: the snapshot of the filled disk, and the read-only claim restored from it.
        cluster.inWaves("VolumeSnapshot").forEach(cluster::takeSnapshot);
        for (JsonNode pvc : cluster.inWaves("PersistentVolumeClaim")) {
            if (pvc.at("/spec/dataSource").isObject()) {
                cluster.createClaim(pvc);
            }
        }
        if (pod == null) {
            pod = new LocalPod(serving, cluster);
            waiting = cached ? startWait(pod) : null;
        }
        if (waiting != null) {
            Programs.Exit waited = waiting.get(60, TimeUnit.SECONDS);
            assertThat(waited.code()).as(waited.toString()).isZero();
        }

        // The sidecar and the server, at local ports standing for the pod's own.
        int enginePort = freePort();
        int syncPort = freePort();
        pod.port("127.0.0.1:8000", "127.0.0.1:" + enginePort).port("0.0.0.0:8090", "127.0.0.1:" + syncPort);
        for (Container c : serving.initContainers()) {
            if (c.name().equals(WAIT)) {
                continue;
            }
            if (c.sidecar()) {
                sync = Programs.adapterSync(pod.prepare(c), cluster.apiServerUrl(), tmp.resolve("sync.log"));
                running.add(sync::destroy);
            } else {
                Programs.Exit exit = Programs.loader(pod.prepare(c));
                assertThat(exit.code()).as(exit.toString()).isZero();
            }
        }
        assertThat(serving.containers()).extracting(Container::name).containsExactly("server");
        engine = FakeVllm.start(pod.prepare(serving.container("server")), "127.0.0.1:" + enginePort);
        running.add(engine);
        assertThat(engine.loadedFiles()).containsAll(MODEL_FILES.keySet());

        assertThat(chat(enginePort, MODEL)).isEqualTo(200);
        assertThat(sync).as("the adapter-sync sidecar").isNotNull();
        awaitServed(enginePort, MODEL + "_colorist", Duration.ofSeconds(90));
        // Every rendered flag is one the sidecar's CLI has: it runs, and is ready.
        assertThat(sync.isAlive()).as(syncLog()).isTrue();
        // Ready once its pass after the load has run: the adapter is listed a moment before.
        until("adapter-sync ready", Duration.ofSeconds(20), () -> {
            try {
                return get(syncPort, "/readyz") == 200;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(chat(enginePort, MODEL + "_colorist")).isEqualTo(200);

        // A commit adds an adapter: only the ConfigMap changes, applied through the API server.
        String deployment = Files.readString(rendered.resolve("models/" + MODEL + "/deployment.yaml"));
        Path mounted = pod.volume("adapter-config").resolve("adapters.json");
        String mountedBefore = Files.readString(mounted);
        writeModel(repo, profile, List.of("colorist", "energy"));
        generate(repo);
        assertThat(Files.readString(rendered.resolve("models/" + MODEL + "/deployment.yaml")))
                .isEqualTo(deployment);
        cluster.reread(rendered).applyConfigMap(MODEL + "-adapters");
        long applied = System.nanoTime();
        awaitServed(enginePort, MODEL + "_energy", Duration.ofSeconds(30));
        long millis = (System.nanoTime() - applied) / 1_000_000;
        System.out.println(profile + ": ConfigMap applied -> adapter served in " + millis + " ms");
        assertThat(Files.readString(mounted))
                .as("the kubelet has not refreshed the file")
                .isEqualTo(mountedBefore);
        assertThat(chat(enginePort, MODEL + "_energy")).isEqualTo(200);
    }

    private Future<Programs.Exit> startWait(LocalPod pod) {
        Container wait = pod.spec().initContainers().get(0);
        assertThat(wait.name()).as("the first init container").isEqualTo(WAIT);
        LocalPod.Prepared prepared = pod.prepare(wait);
        return pool.submit(() -> Programs.loader(prepared));
    }

    private Path repo(URI hub, String profile, List<String> adapters) throws IOException {
        Path repo = tmp.resolve("gitops");
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("kubeai.yaml"), """
                # The Hub is the test's; everything else is what a user writes.
                namespace: kubeai
                huggingface:
                  endpoint: %s
                models:
                  cache:
                    profiles:
                      Bucket:
                        bucket: {url: "s3://kubeai/models/", local: true}
                      EFS:
                        sharedFilesystem: {storageClass: efs}
                      Disk:
                        staticVolume: {storageClass: hyperdisk-ml, snapshotClass: hyperdisk-ml}
                """.formatted(hub));
        writeModel(repo, profile, adapters);
        generate(repo);
        return repo;
    }

    private static void writeModel(Path repo, String profile, List<String> adapters) throws IOException {
        StringBuilder model = new StringBuilder("""
                apiVersion: kubeai.org/v1
                kind: Model
                metadata:
                  name: %s
                spec:
                  url: hf://org/tiny-chat
                  engine: VLLM
                  features: [TextGeneration]
                  resourceProfile: nvidia-gpu-l4:1
                  cacheProfile: %s
                """.formatted(MODEL, profile));
        if (!adapters.isEmpty()) {
            model.append("  adapters:\n");
            adapters.forEach(a -> model.append("  - name: ")
                    .append(a)
                    .append("\n    url: hf://org/tiny-")
                    .append(a)
                    .append("-lora\n"));
        }
        Files.writeString(repo.resolve("models/tiny.yaml"), model.toString());
    }

    private static void generate(Path repo) throws IOException {
        GenerateResult result =
                new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(result.diagnostics())
                .filteredOn(Diagnostic::isError)
                .extracting(Diagnostic::format)
                .isEmpty();
    }

    private void awaitServed(int port, String name, Duration limit) throws Exception {
        until(name + " served", limit, () -> {
            try {
                JsonNode models = JSON.readTree(send(
                                port,
                                HttpRequest.newBuilder(uri(port, "/v1/models")).GET())
                        .body());
                return models.path("data").findValuesAsText("id").contains(name);
            } catch (IOException e) {
                return false;
            }
        });
    }

    private int chat(int port, String model) throws IOException {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Name a color.\"}]}";
        return send(
                        port,
                        HttpRequest.newBuilder(uri(port, "/v1/chat/completions"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)))
                .statusCode();
    }

    private int get(int port, String path) throws IOException {
        return send(port, HttpRequest.newBuilder(uri(port, path)).GET()).statusCode();
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void until(String what, Duration limit, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; the engine's requests: "
                        + (engine == null ? "none" : engine.requests) + "\nadapter-sync's log:\n" + syncLog());
            }
            Thread.sleep(100);
        }
    }

    private Process sync;
    private FakeVllm engine;

    private String syncLog() throws IOException {
        Path log = tmp.resolve("sync.log");
        String state = sync == null ? "not started" : sync.isAlive() ? "running" : "exited " + sync.exitValue();
        return "(" + state + ")\n" + (Files.exists(log) ? Files.readString(log) : "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, byte[]> adapter(int seed) {
        return new TreeMap<>(Map.of(
                "adapter_config.json",
                "{\"peft_type\": \"LORA\", \"r\": 8, \"base_model_name_or_path\": \"org/tiny-chat\"}\n".getBytes(UTF_8),
                "adapter_model.safetensors",
                bytes(2048, seed)));
    }

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
