package io.kubeai.gitops.hook.e2e;

import io.kubeai.gitops.hook.e2e.PodTemplate.Container;
import io.kubeai.gitops.hook.e2e.PodTemplate.Env;
import io.kubeai.gitops.hook.e2e.PodTemplate.Mount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A pod of a {@link PodTemplate} on the local machine: each volume is a folder, and a container sees
 * only its mounts. An absolute path in an argument or a variable is mapped into the folder of the
 * volume mounted there; a path on no mount fails, as the image's root filesystem is read-only.
 * Variables come from literal values and from test Secrets, {@code $(VAR)} in arguments is expanded
 * as the kubelet does, and a container must leave its read-only mounts exactly as it found them.
 */
public final class LocalPod {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final Map<String, Path> volumes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> secrets;
    private final Map<String, String> nodeEnv;

    /**
     * @param secrets Secret name to its keys and values
     * @param nodeEnv variables every container gets underneath its own, for what the cluster (not the Job)
     *                provides, such as a Hub mirror's {@code HF_ENDPOINT}
     */
    public LocalPod(PodTemplate pod, Path root, Map<String, Map<String, String>> secrets, Map<String, String> nodeEnv) {
        this.secrets = secrets;
        this.nodeEnv = nodeEnv;
        for (String volume : pod.volumes()) {
            volumes.put(volume, createDirectories(root.resolve("volumes").resolve(volume)));
        }
    }

    /** The folder standing for a volume. */
    public Path volume(String name) {
        return Optional.ofNullable(volumes.get(name))
                .orElseThrow(() -> new IllegalArgumentException("the pod has no volume " + name));
    }

    /**
     * A container ready to run here.
     *
     * @param args its arguments, expanded and with paths mapped
     * @param env  its variables, resolved and with paths mapped
     */
    public record Prepared(Container container, List<String> args, Map<String, String> env) {}

    /** Runs {@code body} on the prepared container; fails if it changed anything it mounts read-only. */
    public <T> T run(Container container, Function<Prepared, T> body) {
        Prepared prepared = prepare(container);
        Map<Mount, Map<String, String>> before = readOnlySnapshots(container);
        T result = body.apply(prepared);
        Map<Mount, Map<String, String>> after = readOnlySnapshots(container);
        before.forEach((mount, files) -> {
            Set<String> changed = new TreeSet<>(files.keySet());
            changed.addAll(after.get(mount).keySet());
            changed.removeIf(
                    path -> Objects.equals(files.get(path), after.get(mount).get(path)));
            if (!changed.isEmpty()) {
                throw new IllegalStateException(container.name() + " changed " + changed + " under " + mount.mountPath()
                        + ", which it mounts read-only");
            }
        });
        return result;
    }

    Prepared prepare(Container container) {
        Map<String, String> env = new LinkedHashMap<>(nodeEnv);
        for (Env e : container.env()) {
            resolve(container, e).ifPresent(v -> env.put(e.name(), map(container, v)));
        }
        List<String> args = new ArrayList<>();
        for (String arg : container.args()) {
            args.add(map(container, expand(arg, env)));
        }
        return new Prepared(container, List.copyOf(args), Map.copyOf(env));
    }

    private Optional<String> resolve(Container container, Env e) {
        if (e.secret() == null) {
            return Optional.of(e.value());
        }
        String value = secrets.getOrDefault(e.secret(), Map.of()).get(e.key());
        if (value == null && !e.optional()) {
            throw new IllegalStateException(container.name() + ": variable " + e.name() + " needs key " + e.key()
                    + " of Secret " + e.secret() + ", which the test did not provide");
        }
        return Optional.ofNullable(value);
    }

    /** {@code $(VAR)} becomes the variable's value; an unknown reference stays as written, as in Kubernetes. */
    private static String expand(String arg, Map<String, String> env) {
        Matcher m = REFERENCE.matcher(arg);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    /** An absolute container path becomes the local path under the mount that holds it. */
    private String map(Container container, String value) {
        if (!value.startsWith("/")) {
            return value;
        }
        Mount mount = container.mounts().stream()
                .filter(m -> value.equals(m.mountPath()) || value.startsWith(m.mountPath() + "/"))
                .max(Comparator.comparingInt(m -> m.mountPath().length()))
                .orElseThrow(() -> new IllegalStateException(container.name() + ": " + value
                        + " is on no volume the container mounts " + container.mounts()));
        String rest = value.substring(mount.mountPath().length()).replaceFirst("^/+", "");
        Path dir = mountDir(mount);
        return rest.isEmpty() ? dir.toString() : dir.resolve(rest).toString();
    }

    private Path mountDir(Mount mount) {
        Path dir = volume(mount.volume());
        // The kubelet creates a missing subPath folder.
        return mount.subPath() == null ? dir : createDirectories(dir.resolve(mount.subPath()));
    }

    private Map<Mount, Map<String, String>> readOnlySnapshots(Container container) {
        Map<Mount, Map<String, String>> snapshots = new LinkedHashMap<>();
        container.mounts().stream().filter(Mount::readOnly).forEach(m -> snapshots.put(m, snapshot(mountDir(m))));
        return snapshots;
    }

    /** Every file under {@code dir} with the sha256 of its content. */
    private static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                files.put(dir.relativize(file).toString(), HexFormat.of().formatHex(sha256));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
