package io.kubeai.gitops.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.kubeai.gitops.spec.Adapter;
import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dynamic adapter loading: the adapter list goes into a ConfigMap that an adapter-sync sidecar watches and
 * reconciles against vLLM's runtime LoRA API. Nothing in the pod template depends on the list, so adding or
 * removing an adapter changes only the ConfigMap: no rollout, no cold start.
 */
final class DynamicAdapters {
    static final String CONFIG_DIR = "/etc/kubeai/adapters";
    static final String CONFIG_KEY = "adapters.json";
    static final int SYNC_PORT = 8090;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final KubeAIConfig config;
    private final Credentials credentials;
    private final SharedCaches caches;

    DynamicAdapters(KubeAIConfig config, Credentials credentials, SharedCaches caches) {
        this.config = config;
        this.credentials = credentials;
        this.caches = caches;
    }

    /**
     * True when a Model's adapters are loaded at run time rather than at start-up: a vLLM Model with
     * adapters, or one that will get them (the base of a FineTuneJob, or {@code adapterLoading: Dynamic}),
     * so that its first adapter does not add the sidecar and restart every replica.
     */
    static boolean applies(String engine, List<Adapter> adapters, Optional<String> loading, boolean finetuneBase) {
        if (!engine.equals("VLLM") || loading.filter("Static"::equals).isPresent()) {
            return false;
        }
        return !adapters.isEmpty()
                || finetuneBase
                || loading.filter("Dynamic"::equals).isPresent();
    }

    static String configMapName(String model) {
        return model + "-adapters";
    }

    ConfigMapPlan plan(
            ServerDraft server,
            List<Adapter> adapters,
            Optional<CacheProfile> profile,
            String specFile,
            List<String> userArgs) {
        ArrayNode list = JSON.createArrayNode();
        adapters.stream().sorted(Comparator.comparing(Adapter::name)).forEach(adapter -> {
            SourceUrl source = SourceUrl.parse(adapter.url()).url().orElseThrow();
            ObjectNode entry = list.addObject().put("name", adapter.name()).put("url", source.canonical());
            cachePath(source, profile, specFile).ifPresent(path -> entry.put("cachePath", path));
        });
        ObjectNode document = JSON.createObjectNode().put("model", server.name);
        document.set("adapters", list);
        String json;
        try {
            json = JSON.writeValueAsString(document).replace("\r\n", "\n") + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        wire(server, profile, userArgs);
        return new ConfigMapPlan(configMapName(server.name), server.name, Map.of(CONFIG_KEY, json));
    }

    /** A copy in the Model's cache, filled by a loader Job, that the sidecar can use instead of the source. */
    private Optional<String> cachePath(SourceUrl source, Optional<CacheProfile> profile, String specFile) {
        if (profile.isEmpty() || profile.get().storage() instanceof CacheStorage.StaticVolume) {
            return Optional.empty();
        }
        SharedCaches.Placement placed = caches.add(profile.get(), Names.cacheKey(source), source, specFile);
        return Optional.of(placed.destination());
    }

    /** Everything here depends on the Model and its profile, never on the adapter list. */
    private void wire(ServerDraft server, Optional<CacheProfile> profile, List<String> userArgs) {
        server.args.add("--enable-lora");
        if (userArgs.stream().noneMatch(a -> a.startsWith("--max-loras"))) {
            server.args.add("--max-loras=" + config.adapterSync().maxLoras());
        }
        if (userArgs.stream().noneMatch(a -> a.startsWith("--max-lora-rank"))) {
            server.args.add("--max-lora-rank=" + config.adapterSync().maxLoraRank());
        }
        if (userArgs.stream().noneMatch(a -> a.startsWith("--max-cpu-loras"))) {
            // Adapters beyond the CPU cache are evicted; size it for the adapters a Model may carry.
            server.args.add("--max-cpu-loras=" + config.adapterSync().maxCpuLoras());
        }
        server.env(List.of(Credentials.plain("VLLM_ALLOW_RUNTIME_LORA_UPDATING", "True")));
        server.volume(new VolumeBuilder()
                .withName("adapter-config")
                .withNewConfigMap()
                .withName(configMapName(server.name))
                .endConfigMap()
                .build());
        server.volume(new VolumeBuilder()
                .withName("adapters")
                .withNewEmptyDir()
                .endEmptyDir()
                .build());
        server.volume(SharedCaches.tmpVolume());
        server.mounts.add(new VolumeMountBuilder()
                .withName("adapters")
                .withMountPath(AdapterPlanner.MOUNT)
                .withReadOnly(true)
                .build());
        List<VolumeMount> sidecarMounts = new ArrayList<>(List.of(
                new VolumeMountBuilder()
                        .withName("adapter-config")
                        .withMountPath(CONFIG_DIR)
                        .withReadOnly(true)
                        .build(),
                new VolumeMountBuilder()
                        .withName("adapters")
                        .withMountPath(AdapterPlanner.MOUNT)
                        .build(),
                SharedCaches.tmpMount()));
        if (profile.isPresent() && profile.get().storage() instanceof CacheStorage.SharedFilesystem) {
            // The sidecar hands vLLM paths inside the shared cache, so both containers see it at /cache.
            server.volume(new VolumeBuilder()
                    .withName("cache")
                    .withNewPersistentVolumeClaim()
                    .withClaimName(Names.sharedClaim(profile.get().name()))
                    .withReadOnly(true)
                    .endPersistentVolumeClaim()
                    .build());
            VolumeMount cache = new VolumeMountBuilder()
                    .withName("cache")
                    .withMountPath(SharedCaches.CACHE_MOUNT)
                    .withReadOnly(true)
                    .build();
            server.mounts.add(cache);
            sidecarMounts.add(cache);
        }
        server.initContainers.add(sidecar(server.name, sidecarMounts));
    }

    private Container sidecar(String model, List<VolumeMount> mounts) {
        List<EnvVar> env = new ArrayList<>(credentials.forScheme("hf"));
        env.addAll(credentials.s3());
        // A small JVM: the sidecar idles at about 100 MB resident.
        env.add(Credentials.plain("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC -Xmx64m -Xss512k -XX:TieredStopAtLevel=1"));
        return new ContainerBuilder()
                .withName("adapter-sync")
                .withImage(config.adapterSync().image())
                .withImagePullPolicy(config.adapterSync().imagePullPolicy())
                // A native sidecar: starts before the server and runs beside it for the pod's life.
                .withRestartPolicy("Always")
                .withArgs(
                        "--config=" + CONFIG_DIR + "/" + CONFIG_KEY,
                        "--engine=http://127.0.0.1:8000",
                        "--adapters-dir=" + AdapterPlanner.MOUNT,
                        "--listen=0.0.0.0:" + SYNC_PORT)
                .withEnv(env)
                .addNewPort()
                .withName("adapter-sync")
                .withContainerPort(SYNC_PORT)
                .withProtocol("TCP")
                .endPort()
                .withReadinessProbe(Engine.httpOn("/readyz", "adapter-sync", 5, 1, 2))
                .withLivenessProbe(Engine.httpOn("/healthz", "adapter-sync", 30, 3, 3))
                .withResources(LoaderContainers.resources(
                        new LoaderImage("", "", Map.of("cpu", "50m", "memory", "128Mi"), Map.of("memory", "256Mi"))))
                .withSecurityContext(LoaderContainers.restricted())
                .withVolumeMounts(mounts)
                .build();
    }
}
