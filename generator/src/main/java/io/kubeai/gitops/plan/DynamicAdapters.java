package io.kubeai.gitops.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kubeai.gitops.resolve.RenderedNames;
import io.kubeai.gitops.resolve.ResolvedAdapter;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.KubeAIConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Dynamic adapter loading: the adapter list goes into a ConfigMap that an adapter-sync sidecar watches and
 * reconciles against vLLM's runtime LoRA API. Nothing in the pod template depends on the list, so adding or
 * removing an adapter changes only the ConfigMap: no rollout, no cold start.
 */
final class DynamicAdapters {
    static final String CONFIG_DIR = "/etc/kubeai/adapters";
    static final String CONFIG_KEY = RenderedNames.ADAPTERS_KEY;
    static final int SYNC_PORT = 8090;
    /** Where the Kubernetes client looks for the token, CA and namespace (the kubelet's own path). */
    static final String API_ACCESS_MOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";

    private static final String API_ACCESS_VOLUME = "kube-api-access";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PlanContext context;
    private final CacheLayout layout;
    private final ResolvedModel model;

    DynamicAdapters(PlanContext context, CacheLayout layout, ResolvedModel model) {
        this.context = context;
        this.layout = layout;
        this.model = model;
    }

    /**
     * True when a Model's adapters are loaded at run time rather than at start-up: a Model whose engine serves
     * adapters and that has some, or will get them (the base of a FineTuneJob, or {@code adapterLoading:
     * Dynamic}), so that its first adapter does not add the sidecar and restart every replica.
     */
    static boolean applies(ResolvedModel model) {
        return model.loadsAdaptersDynamically();
    }

    static String configMapName(String objectName) {
        return objectName + "-adapters";
    }

    /** The adapter list the sidecar reconciles: the only object that changes when an adapter does. */
    ResourcePlan configMap() {
        ArrayNode list = JSON.createArrayNode();
        model.adapters().stream()
                .sorted(Comparator.comparing(ResolvedAdapter::name))
                .forEach(adapter -> {
                    ObjectNode entry = list.addObject()
                            .put("name", adapter.name())
                            .put("url", adapter.source().canonical());
                    // A copy in the Model's cache, filled by a loader Job, that the sidecar can use instead.
                    layout.sharedCopy(adapter.source(), adapter.cacheKey())
                            .ifPresent(copy -> entry.put("cachePath", copy.destination()));
                });
        ObjectNode document = JSON.createObjectNode().put("model", model.name());
        document.set("adapters", list);
        String json;
        try {
            json = JSON.writeValueAsString(document).replace("\r\n", "\n") + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ConfigMapPlan plan =
                new ConfigMapPlan(configMapName(model.objectName()), model.name(), Map.of(CONFIG_KEY, json));
        return new ResourcePlan("configmap.yaml.ftl", "configmap-adapters.yaml", plan, Phase.SERVING);
    }

    static String accessName(String objectName) {
        return objectName + "-adapter-sync";
    }

    /**
     * The sidecar's access to the API server: a Role reading the one ConfigMap and posting Events, bound to
     * the pod's ServiceAccount: the Model's own or kubeai.yaml's (IRSA, Workload Identity: the server keeps
     * its cloud identity), else one of the sidecar's own. Watching through the API server brings a change in
     * about a second; the mounted file, which the kubelet refreshes after up to about two minutes, is the
     * fallback.
     */
    SyncAccess access() {
        String name = accessName(model.objectName());
        String account = model.spec()
                .server()
                .serviceAccountName()
                .or(() -> context.config().modelPods().serviceAccountName())
                .orElse(name);
        return new SyncAccess(name, model.name(), configMapName(model.objectName()), account);
    }

    List<ResourcePlan> accessResources() {
        SyncAccess access = access();
        List<ResourcePlan> resources = new ArrayList<>();
        if (access.createsServiceAccount()) {
            resources.add(new ResourcePlan(
                    "adapter-sync-serviceaccount.yaml.ftl", "adapter-sync-serviceaccount.yaml", access, Phase.SERVING));
        }
        resources.add(new ResourcePlan("adapter-sync-role.yaml.ftl", "adapter-sync-role.yaml", access, Phase.SERVING));
        resources.add(new ResourcePlan(
                "adapter-sync-rolebinding.yaml.ftl", "adapter-sync-rolebinding.yaml", access, Phase.SERVING));
        return resources;
    }

    /** The server's flags and the sidecar: they depend on the Model and its profile, never on the list. */
    PodParts parts() {
        KubeAIConfig.AdapterSyncSettings sync = context.config().adapterSync();
        List<String> userArgs = model.spec().server().args();
        PodParts.Builder parts = PodParts.builder().arg("--enable-lora");
        if (userArgs.stream().noneMatch(a -> a.startsWith("--max-loras"))) {
            parts.arg("--max-loras=" + sync.maxLoras());
        }
        if (userArgs.stream().noneMatch(a -> a.startsWith("--max-lora-rank"))) {
            parts.arg("--max-lora-rank=" + sync.maxLoraRank());
        }
        if (userArgs.stream().noneMatch(a -> a.startsWith("--max-cpu-loras"))) {
            // Adapters beyond the CPU cache are evicted; size it for the adapters a Model may carry.
            parts.arg("--max-cpu-loras=" + sync.maxCpuLoras());
        }
        parts.env(List.of(Credentials.plain("VLLM_ALLOW_RUNTIME_LORA_UPDATING", "True")));
        parts.volume(new VolumeBuilder()
                .withName("adapter-config")
                .withNewConfigMap()
                .withName(configMapName(model.objectName()))
                .endConfigMap()
                .build());
        parts.volume(Pods.emptyDir("adapters"));
        parts.volume(Pods.tmpVolume());
        parts.volume(apiAccess());
        parts.mount(Pods.mount("adapters", AdapterPlanner.MOUNT, true));
        List<VolumeMount> sidecarMounts = new ArrayList<>(List.of(
                Pods.mount("adapter-config", CONFIG_DIR, true),
                Pods.mount("adapters", AdapterPlanner.MOUNT, false),
                Pods.tmpMount(),
                Pods.mount(API_ACCESS_VOLUME, API_ACCESS_MOUNT, true)));
        PodParts cache = layout.adapterCache();
        parts.add(cache);
        sidecarMounts.addAll(cache.mounts());
        return parts.init(sidecar(sidecarMounts)).build();
    }

    /**
     * The token the kubelet would mount into every container, mounted into the sidecar alone: the pod sets
     * automountServiceAccountToken false, so the server, which runs the user's code, holds no API credential.
     */
    private static Volume apiAccess() {
        return new VolumeBuilder()
                .withName(API_ACCESS_VOLUME)
                .withNewProjected()
                .addNewSource()
                .withNewServiceAccountToken()
                .withPath("token")
                .withExpirationSeconds(3607L)
                .endServiceAccountToken()
                .endSource()
                .addNewSource()
                .withNewConfigMap()
                .withName("kube-root-ca.crt")
                .addNewItem()
                .withKey("ca.crt")
                .withPath("ca.crt")
                .endItem()
                .endConfigMap()
                .endSource()
                .addNewSource()
                .withNewDownwardAPI()
                .addNewItem()
                .withPath("namespace")
                .withNewFieldRef()
                .withFieldPath("metadata.namespace")
                .endFieldRef()
                .endItem()
                .endDownwardAPI()
                .endSource()
                .endProjected()
                .build();
    }

    private static EnvVar field(String name, String path) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath(path)
                .endFieldRef()
                .endValueFrom()
                .build();
    }

    private List<String> sidecarArgs() {
        KubeAIConfig.AdapterSyncSettings sync = context.config().adapterSync();
        List<String> args = new ArrayList<>(List.of(
                "--config=" + CONFIG_DIR + "/" + CONFIG_KEY,
                "--engine=http://127.0.0.1:8000",
                "--adapters-dir=" + AdapterPlanner.MOUNT,
                "--listen=0.0.0.0:" + SYNC_PORT,
                "--configmap=" + configMapName(model.objectName())));
        sync.initialAdapterWait().ifPresent(wait -> args.add("--initial-adapter-wait=" + wait));
        if (sync.strictReadiness()) {
            args.add("--strict-readiness");
        }
        return args;
    }

    /**
     * The s3:// store the sidecar reads adapters from: the Model's bucket cache, else its first s3:// adapter's
     * (the sidecar holds one set of S3 variables).
     */
    private String adapterStore() {
        if (model.cache().map(c -> c.storage()).orElse(null) instanceof CacheStorage.Bucket bucket) {
            return bucket.url();
        }
        return model.adapters().stream()
                .map(a -> a.source().canonical())
                .filter(u -> u.startsWith("s3://"))
                .findFirst()
                .orElse("s3://");
    }

    private Container sidecar(List<VolumeMount> mounts) {
        Credentials credentials = context.credentials();
        // The namespace, pod and uid the sidecar watches in and posts Events about (the downward API).
        List<EnvVar> env = new ArrayList<>(List.of(
                field("POD_NAMESPACE", "metadata.namespace"),
                field("POD_NAME", "metadata.name"),
                field("POD_UID", "metadata.uid")));
        env.addAll(credentials.hf());
        env.addAll(credentials.s3(adapterStore()));
        // A small JVM: the sidecar idles at about 100 MB resident.
        env.add(Credentials.plain("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC -Xmx64m -Xss512k -XX:TieredStopAtLevel=1"));
        return new ContainerBuilder()
                .withName("adapter-sync")
                .withImage(context.config().adapterSync().image())
                .withImagePullPolicy(context.config().adapterSync().imagePullPolicy())
                // A native sidecar: starts before the server and runs beside it for the pod's life.
                .withRestartPolicy("Always")
                .withArgs(sidecarArgs())
                .withEnv(env)
                .addNewPort()
                .withName("adapter-sync")
                .withContainerPort(SYNC_PORT)
                .withProtocol("TCP")
                .endPort()
                .withReadinessProbe(Probes.httpOn("/readyz", "adapter-sync", 5, 1, 2))
                .withLivenessProbe(Probes.httpOn("/healthz", "adapter-sync", 30, 3, 3))
                .withResources(LoaderContainers.resources(
                        new LoaderImage("", "", Map.of("cpu", "50m", "memory", "128Mi"), Map.of("memory", "256Mi"))))
                .withSecurityContext(LoaderContainers.restricted())
                .withVolumeMounts(mounts)
                .build();
    }
}
