package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kubeai.gitops.resolve.Names;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loader image's init containers in serving pods: {@code wait <destination>} until a cache holds its
 * completion marker, and {@code load <source> <path>} for copies into the pod.
 */
final class LoaderContainers {
    /** Container names are DNS labels; long adapter names are shortened with a hash to stay unique. */
    private static final int NAME_MAX = 63;

    private final LoaderImage loader;

    LoaderContainers(LoaderImage loader) {
        this.loader = loader;
    }

    Container await(String name, String destination, String job, List<EnvVar> env, List<VolumeMount> mounts) {
        return container(name, List.of("wait", destination, "--job", job), env, mounts);
    }

    /**
     * A copy into the pod's own scratch space (an emptyDir). It dies with the pod, so the loader skips
     * fsync, which costs about a fifth of its throughput; caches that outlive pods keep it.
     */
    Container load(String name, String source, String destination, List<EnvVar> env, List<VolumeMount> mounts) {
        return container(name, List.of("load", source, destination, "--no-fsync"), env, mounts);
    }

    Container container(String name, List<String> args, List<EnvVar> env, List<VolumeMount> mounts) {
        return new ContainerBuilder()
                .withName(containerName(name))
                .withImage(loader.image())
                .withImagePullPolicy(loader.pullPolicy())
                .withArgs(args)
                .withEnv(env)
                .withResources(resources(loader))
                .withSecurityContext(restricted())
                .withVolumeMounts(mounts)
                .build();
    }

    static String containerName(String name) {
        if (name.length() <= NAME_MAX) {
            return name;
        }
        return name.substring(0, NAME_MAX - 7).replaceAll("-+$", "") + "-" + Names.hash(name, 6);
    }

    static ResourceRequirements resources(LoaderImage loader) {
        return new ResourceRequirementsBuilder()
                .withRequests(quantities(loader.requests()))
                .withLimits(quantities(loader.limits()))
                .build();
    }

    static Map<String, Quantity> quantities(Map<String, String> values) {
        Map<String, Quantity> result = new TreeMap<>();
        values.forEach((k, v) -> result.put(k, new Quantity(Quantities.multiply(v, 1))));
        return result;
    }

    /** The Pod Security Standards' restricted profile: the loader needs nothing more. */
    static SecurityContext restricted() {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .build();
    }
}
