package io.kubeai.gitops.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.kubeai.gitops.resolve.RenderedNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reviewer wants to know of one Model, read back from its rendered objects: the server's image, args
 * and env, where the weights come from and which cache holds them, its adapters, replicas and resources.
 *
 * @param source     where the weights come from: the loader Job's source, else the engine's {@code --model}
 * @param servedFrom the engine's {@code --model} (or {@code --model-id}) value
 * @param cache      which cache the Model reads from, in words
 * @param args       the server's args without the model and the {@code --lora-modules} list
 * @param adapters   adapter name to its source
 * @param claims     the PersistentVolumeClaims the pods mount
 */
record ModelFacts(
        Resource deployment,
        Resource autoscaler,
        Resource adapterConfig,
        String engine,
        String image,
        List<String> command,
        List<String> args,
        String source,
        String servedFrom,
        String cache,
        SortedMap<String, String> env,
        SortedMap<String, String> adapters,
        SortedSet<String> claims,
        String replicas,
        String autoscaling,
        SortedMap<String, String> resources,
        SortedMap<String, String> nodeSelector,
        JsonNode tolerations,
        JsonNode podTemplate) {

    private static final Pattern ADAPTER_INIT = Pattern.compile("(" + Pattern.quote(RenderedNames.WAIT_ADAPTER) + "|"
            + Pattern.quote(RenderedNames.FETCH_ADAPTER) + ")(.+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The flags engines are told their model with. */
    private static final java.util.Set<String> MODEL_FLAGS =
            java.util.Set.of(RenderedNames.VLLM_MODEL_FLAG, RenderedNames.INFINITY_MODEL_FLAG);

    static ModelFacts of(String model, RenderedTree tree) {
        List<Resource> objects = tree.ofModel(model);
        Resource deployment = first(objects, "Deployment");
        Resource hpa = first(objects, "HorizontalPodAutoscaler");
        Resource adapterConfig = objects.stream()
                .filter(r -> r.is("ConfigMap") && r.body().path("data").has(RenderedNames.ADAPTERS_KEY))
                .findFirst()
                .orElse(null);
        SortedMap<String, String> adapters = new TreeMap<>();
        if (adapterConfig != null) {
            readAdapterList(
                    adapterConfig
                            .body()
                            .path("data")
                            .path(RenderedNames.ADAPTERS_KEY)
                            .asText(),
                    adapters);
        }
        if (deployment == null) {
            return new ModelFacts(
                    null,
                    hpa,
                    adapterConfig,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    null,
                    null,
                    null,
                    new TreeMap<>(),
                    adapters,
                    new TreeSet<>(),
                    null,
                    autoscaling(hpa),
                    new TreeMap<>(),
                    new TreeMap<>(),
                    MissingNode.getInstance(),
                    MissingNode.getInstance());
        }
        JsonNode server = Containers.server(deployment);
        List<String> args = new ArrayList<>();
        String servedFrom = splitArgs(Containers.args(server), args);
        String source = servedFrom;
        String cache = "none";
        for (JsonNode init : Containers.inits(deployment)) {
            String name = init.path("name").asText("");
            Matcher adapter = ADAPTER_INIT.matcher(name);
            if (name.equals(RenderedNames.WAIT_MODEL)) {
                Resource job = Containers.jobArgument(init).map(tree::job).orElse(null);
                if (job != null) {
                    source = job.annotation(RenderedNames.SOURCE_ANNOTATION);
                    cache = cacheOf(job, objects);
                }
            } else if (name.equals(RenderedNames.FETCH_MODEL) && cache.equals("none")) {
                source = Containers.loadSource(init).orElse(source);
            } else if (adapter.matches()) {
                String from = Containers.jobArgument(init)
                        .map(tree::job)
                        .map(j -> j.annotation(RenderedNames.SOURCE_ANNOTATION))
                        .orElse(Containers.loadSource(init).orElse(null));
                if (from != null
                        && (adapter.group(1).equals(RenderedNames.WAIT_ADAPTER)
                                || !adapters.containsKey(adapter.group(2)))) {
                    adapters.put(adapter.group(2), from);
                }
            }
        }
        JsonNode pod = Containers.podSpec(deployment);
        SortedSet<String> claims = new TreeSet<>();
        pod.path("volumes").forEach(v -> {
            if (v.has("persistentVolumeClaim")) {
                claims.add(v.path("persistentVolumeClaim").path("claimName").asText());
            }
        });
        JsonNode replicas = deployment.body().path("spec").path("replicas");
        return new ModelFacts(
                deployment,
                hpa,
                adapterConfig,
                deployment.label("kubeai.org/engine"),
                server.path("image").asText(null),
                Containers.strings(server.path("command")),
                args,
                source,
                servedFrom,
                cache,
                env(server),
                adapters,
                claims,
                replicas.isMissingNode() ? null : replicas.asText(),
                autoscaling(hpa),
                flatten(server.path("resources")),
                flatten(pod.path("nodeSelector")),
                pod.path("tolerations"),
                deployment.body().path("spec").path("template"));
    }

    /** Puts the server's args but the model and the adapter list into {@code kept}; returns the model. */
    private static String splitArgs(List<String> all, List<String> kept) {
        String model = null;
        for (int i = 0; i < all.size(); i++) {
            String arg = all.get(i);
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (MODEL_FLAGS.contains(flag) && !flag.equals(arg)) {
                model = arg.substring(arg.indexOf('=') + 1);
            } else if (MODEL_FLAGS.contains(arg) && i + 1 < all.size()) {
                model = all.get(++i);
            } else if (arg.equals("--lora-modules")) {
                // Adapters are reported by name; their mount paths would only repeat them.
                while (i + 1 < all.size() && !all.get(i + 1).startsWith("--")) {
                    i++;
                }
            } else {
                kept.add(arg);
            }
        }
        return model;
    }

    /** A shared cache's Jobs live in {@code caches/<profile>/}; a Model's own disk's beside its Deployment. */
    private static String cacheOf(Resource job, List<Resource> modelObjects) {
        String folder = job.folder();
        if (folder.startsWith("caches/")) {
            return "profile " + Text.code(folder.substring("caches/".length()));
        }
        return modelObjects.stream()
                .filter(r -> r.is("PersistentVolumeClaim"))
                .map(r -> r.body().path("spec").path("storageClassName").asText(null))
                .filter(c -> c != null)
                .findFirst()
                .map(c -> "its own volume (storage class " + Text.code(c) + ")")
                .orElse("its own volume");
    }

    private static void readAdapterList(String json, SortedMap<String, String> into) {
        try {
            for (JsonNode adapter : JSON.readTree(json).path("adapters")) {
                into.put(adapter.path("name").asText(), adapter.path("url").asText(null));
            }
        } catch (IOException e) {
            into.put("(unreadable adapters.json)", e.getMessage());
        }
    }

    private static SortedMap<String, String> env(JsonNode container) {
        SortedMap<String, String> env = new TreeMap<>();
        for (JsonNode var : container.path("env")) {
            JsonNode from = var.path("valueFrom");
            String value;
            if (from.has("secretKeyRef")) {
                value = "secret " + from.path("secretKeyRef").path("name").asText() + "/"
                        + from.path("secretKeyRef").path("key").asText();
            } else if (from.isObject()) {
                value = from.toString();
            } else {
                value = var.path("value").asText("");
            }
            env.put(var.path("name").asText(), value);
        }
        return env;
    }

    private static String autoscaling(Resource hpa) {
        if (hpa == null) {
            return null;
        }
        JsonNode spec = hpa.body().path("spec");
        return spec.path("minReplicas").asText("1") + "–"
                + spec.path("maxReplicas").asText("?") + " replicas";
    }

    /** {@code {requests: {cpu: 2}}} as {@code requests.cpu = 2}. */
    private static SortedMap<String, String> flatten(JsonNode node) {
        SortedMap<String, String> flat = new TreeMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (!node.isMissingNode()) {
            into.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    private static Resource first(List<Resource> objects, String kind) {
        return objects.stream().filter(r -> r.is(kind)).findFirst().orElse(null);
    }
}
