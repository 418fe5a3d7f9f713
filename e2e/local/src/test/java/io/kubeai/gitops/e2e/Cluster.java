package io.kubeai.gitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the cluster would be for a rendered tree: its objects read from the YAML, each claim a folder, a
 * VolumeSnapshot a copy of its claim's folder taken when it is applied, a claim restored from a snapshot a
 * copy of that, Secrets the test gives, an API server (fabric8's mock server, CRUD mode) holding the applied
 * ConfigMaps, and Services at local addresses.
 */
final class Cluster implements AutoCloseable {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path root;
    private final String namespace;
    private final Map<String, JsonNode> objects = new TreeMap<>();
    private final Map<String, Path> claims = new TreeMap<>();
    private final Map<String, Path> snapshots = new TreeMap<>();
    private final Map<String, Map<String, String>> secrets = new HashMap<>();
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final Map<String, String> nodeEnv = new LinkedHashMap<>();
    private final KubernetesMockServer apiServer;
    private final KubernetesClient client;

    Cluster(Path root, String namespace) throws IOException {
        this.root = root;
        this.namespace = namespace;
        apiServer = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        apiServer.init(InetAddress.getByName("127.0.0.1"), 0);
        client = apiServer.createClient();
    }

    /** Reads every object of a rendered tree, keyed {@code Kind/name}. */
    Cluster read(Path rendered) throws IOException {
        try (Stream<Path> files = Files.walk(rendered)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode doc = YAML.readTree(file.toFile());
                if (doc != null && doc.has("kind") && !doc.path("kind").asText().equals("Kustomization")) {
                    objects.put(
                            doc.path("kind").asText() + "/"
                                    + doc.at("/metadata/name").asText(),
                            doc);
                }
            }
        }
        return this;
    }

    /** Replaces the objects of a rendered tree after a commit: what the GitOps engine would apply. */
    Cluster reread(Path rendered) throws IOException {
        objects.clear();
        return read(rendered);
    }

    String namespace() {
        return namespace;
    }

    JsonNode object(String kind, String name) {
        JsonNode doc = objects.get(kind + "/" + name);
        if (doc == null) {
            throw new IllegalArgumentException("the rendered tree has no " + kind + " " + name);
        }
        return doc;
    }

    List<JsonNode> objects(String kind) {
        return objects.values().stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .toList();
    }

    /** Argo CD's sync wave of an object (0 without the annotation). */
    static int wave(JsonNode object) {
        return object.at("/metadata/annotations")
                .path("argocd.argoproj.io/sync-wave")
                .asInt(0);
    }

    /** Objects of a kind in sync-wave order. */
    List<JsonNode> inWaves(String kind) {
        List<JsonNode> list = new ArrayList<>(objects(kind));
        list.sort(Comparator.comparingInt(Cluster::wave));
        return list;
    }

    /**
     * Creates a claim: an empty folder, or, with a VolumeSnapshot as its dataSource, a copy of the snapshot.
     */
    Path createClaim(JsonNode pvc) {
        String name = pvc.at("/metadata/name").asText();
        Path dir = dir("claims/" + name);
        JsonNode source = pvc.at("/spec/dataSource");
        if (!source.isMissingNode()) {
            if (!source.path("kind").asText().equals("VolumeSnapshot")) {
                throw new IllegalArgumentException(name + ": no local " + source.path("kind"));
            }
            Path snapshot = snapshots.get(source.path("name").asText());
            if (snapshot == null) {
                throw new IllegalStateException(name + " restores " + source.path("name") + ", not taken yet");
            }
            copy(snapshot, dir);
        }
        claims.put(name, dir);
        return dir;
    }

    /** Takes a VolumeSnapshot: a copy of its claim's folder as it is now. */
    void takeSnapshot(JsonNode snapshot) {
        String name = snapshot.at("/metadata/name").asText();
        Path source =
                claim(snapshot.at("/spec/source/persistentVolumeClaimName").asText());
        Path copy = dir("snapshots/" + name);
        copy(source, copy);
        snapshots.put(name, copy);
    }

    Path claim(String name) {
        Path dir = claims.get(name);
        if (dir == null) {
            throw new IllegalStateException("claim " + name + " does not exist: the pod would stay Pending");
        }
        return dir;
    }

    /** Applies a rendered ConfigMap to the API server, as the GitOps engine would. */
    void applyConfigMap(String name) {
        ConfigMap map = YAML.convertValue(object("ConfigMap", name), ConfigMap.class);
        map.getMetadata().setNamespace(namespace);
        client.configMaps().inNamespace(namespace).resource(map).createOr(op -> op.update());
    }

    /** A ConfigMap volume as the kubelet first writes it: one file per key, from the rendered object. */
    Path configMapFiles(String name, Path dir) {
        LocalPod.createDirectories(dir);
        object("ConfigMap", name).path("data").fields().forEachRemaining(e -> {
            try {
                Files.writeString(dir.resolve(e.getKey()), e.getValue().asText());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        return dir;
    }

    /** The API server's address, for clients outside a pod. */
    String apiServerUrl() {
        return client.getConfiguration().getMasterUrl();
    }

    Cluster secret(String name, Map<String, String> keys) {
        secrets.put(name, keys);
        return this;
    }

    String secret(String name, String key) {
        return secrets.getOrDefault(name, Map.of()).get(key);
    }

    /** A Service (or any cluster address) at a local one, e.g. the local bucket's S3 port at the S3 server. */
    Cluster address(String clusterAddress, String localAddress) {
        addresses.put(clusterAddress, localAddress);
        return this;
    }

    String mapAddresses(String value) {
        String mapped = value;
        for (Map.Entry<String, String> a : addresses.entrySet()) {
            mapped = mapped.replace(a.getKey(), a.getValue());
        }
        return mapped;
    }

    /** Variables every container gets beneath its own, for what the node provides. */
    Map<String, String> nodeEnv() {
        return nodeEnv;
    }

    Path dir(String relative) {
        return LocalPod.createDirectories(root.resolve(relative));
    }

    static ObjectNode yaml(String text) throws IOException {
        return (ObjectNode) YAML.readTree(text);
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        apiServer.destroy();
    }
}
