package io.kubeai.gitops.e2e;

import io.kubeai.gitops.e2e.PodSpec.Container;
import io.kubeai.gitops.e2e.PodSpec.Env;
import io.kubeai.gitops.e2e.PodSpec.Mount;
import io.kubeai.gitops.e2e.PodSpec.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A pod of a {@link PodSpec} on this machine, as the kubelet would set it up: each volume is a folder (an
 * emptyDir a fresh one, a claim the cluster's folder for it, a ConfigMap its keys as files, the projected
 * API token a token, CA and namespace file), and a container sees only its mounts. An absolute path in an
 * argument or a variable is mapped into the folder of the volume mounted there; a path on no mount fails,
 * as the images' root filesystems are read-only. Addresses are mapped by the {@link Cluster} (Services)
 * and by this pod (its own ports).
 */
final class LocalPod {
    private final PodSpec spec;
    private final Cluster cluster;
    private final String name;
    private final String uid = UUID.randomUUID().toString();
    private final Map<String, Path> volumes = new LinkedHashMap<>();
    private final Map<String, String> ports = new LinkedHashMap<>();

    LocalPod(PodSpec spec, Cluster cluster) {
        this.spec = spec;
        this.cluster = cluster;
        this.name = spec.owner() + "-5d8f9c7b4-x2k9q";
        Path root = cluster.dir("pods/" + name);
        for (Volume volume : spec.volumes()) {
            volumes.put(volume.name(), mount(volume, root.resolve(volume.name())));
        }
    }

    String name() {
        return name;
    }

    PodSpec spec() {
        return spec;
    }

    /** Where the pod's {@code containerAddress} (e.g. {@code 127.0.0.1:8000}) is served here. */
    LocalPod port(String containerAddress, String localAddress) {
        ports.put(containerAddress, localAddress);
        return this;
    }

    /** The folder standing for a volume. */
    Path volume(String volume) {
        return Optional.ofNullable(volumes.get(volume))
                .orElseThrow(() -> new IllegalArgumentException(name + " has no volume " + volume));
    }

    /**
     * A container ready to run here.
     *
     * @param args its arguments, with paths and addresses mapped
     * @param env  its variables, resolved, with paths and addresses mapped
     */
    record Prepared(Container container, List<String> args, Map<String, String> env, LocalPod pod) {

        /** The local path of a path inside this container. */
        Path path(String containerPath) {
            return Path.of(pod.mapPath(container, containerPath));
        }
    }

    Prepared prepare(Container container) {
        Map<String, String> env = new LinkedHashMap<>(cluster.nodeEnv());
        for (Env e : container.env()) {
            resolve(container, e).ifPresent(v -> env.put(e.name(), map(container, v)));
        }
        List<String> args = new ArrayList<>();
        for (String arg : container.args()) {
            args.add(map(container, arg));
        }
        return new Prepared(container, List.copyOf(args), Map.copyOf(env), this);
    }

    private Optional<String> resolve(Container container, Env e) {
        if (e.field() != null) {
            return Optional.of(
                    switch (e.field()) {
                        case "metadata.name" -> name;
                        case "metadata.namespace" -> cluster.namespace();
                        case "metadata.uid" -> uid;
                        default -> throw new IllegalArgumentException("no downward API field " + e.field());
                    });
        }
        if (e.secret() == null) {
            return Optional.of(e.value());
        }
        String value = cluster.secret(e.secret(), e.key());
        if (value == null && !e.optional()) {
            throw new IllegalStateException(container.name() + ": variable " + e.name() + " needs key " + e.key()
                    + " of Secret " + e.secret() + ", which the cluster does not have");
        }
        return Optional.ofNullable(value);
    }

    /** A path (also after {@code --flag=} or {@code name=}) and the addresses in a value, mapped. */
    private String map(Container container, String value) {
        String mapped = cluster.mapAddresses(value);
        for (Map.Entry<String, String> port : ports.entrySet()) {
            mapped = mapped.replace(port.getKey(), port.getValue());
        }
        int eq = mapped.indexOf('=');
        if (mapped.startsWith("/")) {
            return mapPath(container, mapped);
        }
        if (eq > 0 && mapped.startsWith("/", eq + 1)) {
            return mapped.substring(0, eq + 1) + mapPath(container, mapped.substring(eq + 1));
        }
        return mapped;
    }

    String mapPath(Container container, String path) {
        Mount mount = container.mounts().stream()
                .filter(m -> path.equals(m.mountPath()) || path.startsWith(m.mountPath() + "/"))
                .max(Comparator.comparingInt(m -> m.mountPath().length()))
                .orElseThrow(() -> new IllegalStateException(container.name() + ": " + path
                        + " is on no volume the container mounts " + container.mounts()));
        String rest = path.substring(mount.mountPath().length()).replaceFirst("^/+", "");
        Path dir = volume(mount.volume());
        if (!mount.subPath().isEmpty()) {
            dir = createDirectories(dir.resolve(mount.subPath()));
        }
        return rest.isEmpty() ? dir.toString() : dir.resolve(rest).toString();
    }

    /**
     * The path a container sees for a local path under one of its mounts, or empty when it mounts none
     * that holds it: how a path one container hands another (adapter-sync's {@code lora_path}) reads there.
     */
    Optional<String> containerPath(Container container, String localPath) {
        Path local = Path.of(localPath);
        return container.mounts().stream()
                .filter(m -> local.startsWith(mountDir(m)))
                .max(Comparator.comparingInt(m -> mountDir(m).getNameCount()))
                .map(m -> {
                    String rest = mountDir(m).relativize(local).toString();
                    return rest.isEmpty() ? m.mountPath() : m.mountPath() + "/" + rest;
                });
    }

    private Path mountDir(Mount mount) {
        Path dir = volume(mount.volume());
        return mount.subPath().isEmpty() ? dir : dir.resolve(mount.subPath());
    }

    private Path mount(Volume volume, Path dir) {
        return switch (volume.kind()) {
            case "emptyDir" -> createDirectories(dir);
            case "persistentVolumeClaim" ->
                cluster.claim(volume.source().path("claimName").asText());
            case "configMap" ->
                cluster.configMapFiles(volume.source().path("name").asText(), dir);
            case "projected" -> apiAccess(volume, createDirectories(dir));
            default -> throw new IllegalArgumentException("volume " + volume.name() + ": no local " + volume.kind());
        };
    }

    /** The kubelet's projected service-account volume: a token, the cluster CA and the namespace. */
    private Path apiAccess(Volume volume, Path dir) {
        try {
            for (var source : volume.source().path("sources")) {
                if (source.has("serviceAccountToken")) {
                    Files.writeString(
                            dir.resolve(source.at("/serviceAccountToken/path").asText()), "e2e-token");
                } else if (source.has("configMap")) {
                    Files.writeString(dir.resolve("ca.crt"), "");
                } else if (source.has("downwardAPI")) {
                    Files.writeString(dir.resolve("namespace"), cluster.namespace());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
