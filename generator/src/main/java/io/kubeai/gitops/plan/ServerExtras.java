package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.ModelFile;
import io.kubeai.gitops.spec.ModelSpec;
import io.kubeai.gitops.spec.ResourceProfile;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finishes a Model's server: the user's environment and files, scheduling, replicas, and the objects
 * around the Deployment (Service, files ConfigMap, autoscaler).
 */
final class ServerExtras {
    private final KubeAIConfig config;
    private final Model model;
    private final ServerDraft server;

    ServerExtras(KubeAIConfig config, Model model, ServerDraft server) {
        this.config = config;
        this.model = model;
        this.server = server;
    }

    void addTo(List<ResourcePlan> resources) {
        ModelSpec spec = model.spec();
        spec.env().forEach((k, v) -> server.env(List.of(Credentials.plain(k, v))));
        server.volume(new VolumeBuilder()
                .withName("dshm")
                .withNewEmptyDir()
                .withMedium("Memory")
                .endEmptyDir()
                .build());
        server.mounts.add(new VolumeMountBuilder()
                .withName("dshm")
                .withMountPath("/dev/shm")
                .build());
        if (!spec.files().isEmpty()) {
            resources.add(new ResourcePlan(
                    "configmap.yaml.ftl", "configmap-files.yaml", filesConfigMap(spec.files()), Phase.SERVING));
        }
        Replicas replicas = Replicas.of(spec);
        ServerResources sized = new ServerResources(config, spec);
        ResourceProfile profile = sized.profile();
        Server built = server.build(
                spec.envFrom().orElse(null),
                sized.requests(),
                sized.limits(),
                profile.nodeSelector(),
                profile.tolerations().orElse(null),
                profile.affinity().orElse(null),
                profile.runtimeClassName().orElse(null),
                profile.schedulerName().orElse(null),
                spec.priorityClassName().orElse(null),
                replicas.fixed());
        resources.add(new ResourcePlan("deployment.yaml.ftl", "deployment.yaml", built, Phase.SERVING));
        resources.add(new ResourcePlan(
                "service.yaml.ftl", "service.yaml", new ServicePlan(model.name(), spec.engine()), Phase.SERVING));
        replicas.autoscaler(model.name())
                .ifPresent(a -> resources.add(new ResourcePlan("hpa.yaml.ftl", "hpa.yaml", a, Phase.SERVING)));
    }

    private ConfigMapPlan filesConfigMap(List<ModelFile> files) {
        Map<String, String> data = new TreeMap<>();
        for (ModelFile file : files) {
            String key = Names.slug(file.path(), 200);
            data.put(key, file.content());
            server.mounts.add(new VolumeMountBuilder()
                    .withName("files")
                    .withMountPath(file.path())
                    .withSubPath(key)
                    .withReadOnly(true)
                    .build());
        }
        server.volume(new VolumeBuilder()
                .withName("files")
                .withNewConfigMap()
                .withName(model.name() + "-files")
                .endConfigMap()
                .build());
        return new ConfigMapPlan(model.name() + "-files", model.name(), data);
    }
}
