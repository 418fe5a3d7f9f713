package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of a serving pod: server arguments, environment, init containers, volumes and the server's mounts.
 * Each planning step returns its own parts; {@link #plus} joins them in the order the planner states, so no
 * step writes into another's.
 *
 * <p>Joining keeps the first of two environment variables or volumes of the same name (credentials and the
 * generator's settings come before the user's) and the first of two identical mounts.
 */
public record PodParts(
        List<String> args,
        List<EnvVar> env,
        List<Container> initContainers,
        List<Volume> volumes,
        List<VolumeMount> mounts) {

    static final PodParts NONE = new PodParts(List.of(), List.of(), List.of(), List.of(), List.of());

    public PodParts {
        args = List.copyOf(args);
        env = List.copyOf(env);
        initContainers = List.copyOf(initContainers);
        volumes = List.copyOf(volumes);
        mounts = List.copyOf(mounts);
    }

    /** These parts, then {@code later}'s. */
    PodParts plus(PodParts later) {
        return builder().add(this).add(later).build();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Collects one step's parts; local to that step. */
    static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, EnvVar> env = new LinkedHashMap<>();
        private final List<Container> initContainers = new ArrayList<>();
        private final Map<String, Volume> volumes = new LinkedHashMap<>();
        private final List<VolumeMount> mounts = new ArrayList<>();

        Builder args(List<String> more) {
            args.addAll(more);
            return this;
        }

        Builder arg(String arg) {
            args.add(arg);
            return this;
        }

        Builder env(List<EnvVar> vars) {
            vars.forEach(v -> env.putIfAbsent(v.getName(), v));
            return this;
        }

        Builder init(Container container) {
            initContainers.add(container);
            return this;
        }

        Builder volume(Volume volume) {
            volumes.putIfAbsent(volume.getName(), volume);
            return this;
        }

        Builder mount(VolumeMount mount) {
            if (!mounts.contains(mount)) {
                mounts.add(mount);
            }
            return this;
        }

        Builder add(PodParts parts) {
            args(parts.args());
            env(parts.env());
            parts.initContainers().forEach(this::init);
            parts.volumes().forEach(this::volume);
            parts.mounts().forEach(this::mount);
            return this;
        }

        PodParts build() {
            return new PodParts(args, List.copyOf(env.values()), initContainers, List.copyOf(volumes.values()), mounts);
        }
    }
}
