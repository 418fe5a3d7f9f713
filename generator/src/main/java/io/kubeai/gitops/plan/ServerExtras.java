package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.kubeai.gitops.plan.traffic.ReplicaOwner;
import io.kubeai.gitops.plan.traffic.ServedModel;
import io.kubeai.gitops.plan.traffic.TrafficObject;
import io.kubeai.gitops.plan.traffic.TrafficPlanner;
import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.Adapter;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.ModelFile;
import io.kubeai.gitops.spec.ServerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last of a Model's server: the user's environment and files, shared memory, and the objects around
 * the pod (files ConfigMap, Deployment, Service, autoscaler, and the routing objects of the Gateway).
 */
final class ServerExtras {
    private final KubeAIConfig config;
    private final ResolvedModel model;

    ServerExtras(KubeAIConfig config, ResolvedModel model) {
        this.config = config;
        this.model = model;
    }

    /** The user's environment (after every variable the generator sets), /dev/shm and the files. */
    PodParts parts() {
        ServerSpec spec = model.spec().server();
        PodParts.Builder parts = PodParts.builder();
        spec.env().forEach((k, v) -> parts.env(List.of(Credentials.plain(k, v))));
        parts.volume(new VolumeBuilder()
                .withName("dshm")
                .withNewEmptyDir()
                .withMedium("Memory")
                .endEmptyDir()
                .build());
        parts.mount(Pods.mount("dshm", "/dev/shm", false));
        if (!spec.files().isEmpty()) {
            for (ModelFile file : spec.files()) {
                parts.mount(new VolumeMountBuilder()
                        .withName("files")
                        .withMountPath(file.path())
                        .withSubPath(fileKey(file))
                        .withReadOnly(true)
                        .build());
            }
            parts.volume(new VolumeBuilder()
                    .withName("files")
                    .withNewConfigMap()
                    .withName(filesConfigMap())
                    .endConfigMap()
                    .build());
        }
        return parts.build();
    }

    /**
     * The files ConfigMap, Deployment, Service and autoscaler of {@code container}, running as
     * {@code serviceAccount} (null: the namespace's default).
     */
    List<ResourcePlan> resources(Server.MainContainer container, String serviceAccount) {
        ServerSpec spec = model.spec().server();
        List<ResourcePlan> resources = new ArrayList<>();
        if (!spec.files().isEmpty()) {
            Map<String, String> data = new TreeMap<>();
            spec.files().forEach(f -> data.put(fileKey(f), f.content()));
            resources.add(new ResourcePlan(
                    "configmap.yaml.ftl",
                    "configmap-files.yaml",
                    new ConfigMapPlan(filesConfigMap(), model.name(), data),
                    Phase.SERVING));
        }
        ServerResources sized = new ServerResources(config, model);
        ServedModel served = new ServedModel(
                model.name(),
                model.objectName(),
                model.engine(),
                sized.image(),
                model.spec().adapters().stream().map(Adapter::name).toList(),
                model.spec().traffic());
        ReplicaOwner owner = ReplicaOwner.of(config.serving().autoscaling(), served);
        Replicas replicas = Replicas.of(model.spec().scaling(), ReplicaOwner.zeroAllowed(config.serving(), served));
        if (owner == ReplicaOwner.FIXED) {
            replicas = replicas.pinned();
        }
        Server server = new Server(
                model.objectName(),
                model.name(),
                model.engine().specName(),
                sized.image(),
                container,
                sized.placement(spec.priorityClassName()),
                replicas.fixed(),
                spec.envFrom().orElse(null),
                PodMetadata.of(model),
                serviceAccount != null
                        ? serviceAccount
                        : spec.serviceAccountName().orElse(null),
                spec.imagePullSecrets());
        resources.add(new ResourcePlan("deployment.yaml.ftl", "deployment.yaml", server, Phase.SERVING));
        resources.add(new ResourcePlan(
                "service.yaml.ftl",
                "service.yaml",
                new ServicePlan(model.objectName(), model.name(), model.engine().specName()),
                Phase.SERVING));
        TrafficPlanner traffic = new TrafficPlanner(config.serving(), config.namespace());
        if (replicas.isRange()) {
            switch (owner) {
                case FIXED -> throw new IllegalStateException("a pinned Model has no range");
                case CPU_HPA ->
                    replicas.autoscaler(model.objectName(), model.name())
                            .ifPresent(
                                    a -> resources.add(new ResourcePlan("hpa.yaml.ftl", "hpa.yaml", a, Phase.SERVING)));
                case REQUESTS -> resources.add(serving(traffic.scaler(served, replicas.min(), replicas.max())));
            }
        }
        traffic.routing(served).forEach(o -> resources.add(serving(o)));
        return resources;
    }

    private static ResourcePlan serving(TrafficObject object) {
        return new ResourcePlan(object.template(), object.file(), object.model(), Phase.SERVING);
    }

    private static String fileKey(ModelFile file) {
        return Names.slug(file.path(), 200);
    }

    private String filesConfigMap() {
        return model.objectName() + "-files";
    }
}
