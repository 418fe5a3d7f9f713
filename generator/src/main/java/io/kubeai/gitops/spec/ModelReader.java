package io.kubeai.gitops.spec;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.wording.ReaderHints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Model documents in KubeAI's {@code kubeai.org/v1} shape. The proposal's short form (no
 * apiVersion, no engine, no name) is accepted with KubeAI's defaults.
 */
public final class ModelReader {
    public static final String API_VERSION = "kubeai.org/v1";
    public static final List<String> FEATURES = List.of("TextGeneration", "TextEmbedding", "Reranking", "SpeechToText");
    /** KubeAI fields a generator cannot act on: they are accepted so existing manifests load, with a warning. */
    static final List<String> NO_EFFECT_FIELDS = List.of("owner");
    /** Fields the API server adds; an exported Model may carry them. */
    private static final String[] SERVER_METADATA = {
        "uid",
        "resourceVersion",
        "generation",
        "creationTimestamp",
        "managedFields",
        "selfLink",
        "finalizers",
        "ownerReferences",
        "deletionTimestamp",
        "deletionGracePeriodSeconds",
        "generateName"
    };

    private final List<Diagnostic> diagnostics;

    public ModelReader(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * Reads one document; empty documents are skipped.
     *
     * @param unnamedOrdinal how many unnamed Models came before in the same file, for derived names
     */
    public Optional<Model> read(YamlDocument doc, String fileStem, int unnamedOrdinal) {
        if (doc.root().isNull()) {
            return Optional.empty();
        }
        Fields root = Fields.at(doc, "", doc.root(), diagnostics);
        if (!root.isPresent()) {
            return Optional.empty();
        }
        root.string("apiVersion")
                .filter(v -> !v.equals(API_VERSION))
                .ifPresent(v -> root.errorAt("apiVersion", ReaderHints.unsupportedApiVersion(v, API_VERSION)));
        String kind = root.string("kind").orElse("Model");
        if (!kind.equals("Model")) {
            root.errorAt("kind", ReaderHints.wrongKindInModels(kind));
            return Optional.empty();
        }
        root.allow("status");

        Fields metadata = root.object("metadata");
        String name = metadata.string("name").orElse(null);
        if (name == null) {
            name = derivedName(fileStem, unnamedOrdinal);
            diagnostics.add(Diagnostics.warning(root.position(), ReaderHints.modelNameMissing(name)));
        }
        metadata.string("namespace");
        Map<String, String> labels = metadata.stringMap("labels");
        Map<String, String> annotations = metadata.stringMap("annotations");
        metadata.allow(SERVER_METADATA);
        metadata.finish();

        Fields spec = root.object("spec");
        if (!spec.isPresent()) {
            root.error("", ReaderHints.modelWithoutSpec());
        }
        ModelSpec modelSpec = readSpec(spec);
        root.finish();
        return Optional.of(new Model(name, labels, annotations, modelSpec, Origin.of(root)));
    }

    private ModelSpec readSpec(Fields spec) {
        String url = spec.string("url").orElse("");
        if (spec.isPresent() && url.isEmpty()) {
            spec.error(spec.pointer(), ReaderHints.modelWithoutUrl());
        }
        List<Adapter> adapters = new ArrayList<>();
        for (Fields a : spec.objects("adapters")) {
            String adapterName = a.string("name").orElse("");
            String adapterUrl = a.string("url").orElse("");
            if (adapterName.isEmpty() || adapterUrl.isEmpty()) {
                a.error(a.pointer(), ReaderHints.adapterNeedsNameAndUrl());
            }
            a.finish();
            adapters.add(new Adapter(adapterName, adapterUrl, Origin.of(a)));
        }
        List<String> features = spec.has("features") ? spec.strings("features") : List.of("TextGeneration");
        String engine = spec.string("engine").orElse("VLLM");
        List<ModelFile> files = new ArrayList<>();
        for (Fields f : spec.objects("files")) {
            files.add(new ModelFile(
                    f.string("path").orElse(""), f.string("content").orElse("")));
            f.finish();
        }
        for (String field : NO_EFFECT_FIELDS) {
            if (spec.has(field)) {
                spec.warningAt(field, ReaderHints.proxyOnlyField(field));
            }
        }
        ModelSpec result = new ModelSpec(
                url,
                spec.string("cacheProfile"),
                adapters,
                spec.string("adapterLoading"),
                new ServerSpec(
                        engine,
                        features,
                        spec.string("image"),
                        spec.strings("args"),
                        env(spec),
                        spec.raw("envFrom"),
                        files,
                        spec.string("priorityClassName"),
                        spec.string("serviceAccountName"),
                        PullSecrets.read(spec, "imagePullSecrets")),
                spec.string("resourceProfile"),
                new Scaling(
                        spec.integer("replicas").orElse(null),
                        spec.integer("minReplicas").orElse(null),
                        spec.integer("maxReplicas").orElse(null),
                        spec.bool("autoscalingDisabled").orElse(false)),
                readTraffic(spec));
        spec.finish();
        return result;
    }

    /** Names and values that say a variable holds a credential. */
    private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
            "(?i).*(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL).*");

    private static final java.util.regex.Pattern SECRET_VALUE = java.util.regex.Pattern.compile(
            ".*(hf_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|glpat-[A-Za-z0-9_-]{20,}"
                    + "|-----BEGIN [A-Z ]*PRIVATE KEY).*",
            java.util.regex.Pattern.DOTALL);

    /** KubeAI's env map; a literal that looks like a credential is rendered, in plain text, with a warning. */
    private static Map<String, String> env(Fields spec) {
        Map<String, String> env = spec.stringMap("env");
        if (env.isEmpty()) {
            return env;
        }
        Fields fields = spec.object("env");
        env.forEach((name, value) -> {
            if (!value.isEmpty()
                    && (SECRET_NAME.matcher(name).matches()
                            || SECRET_VALUE.matcher(value).matches())) {
                fields.warningAt(name, ReaderHints.literalCredential(name));
            }
        });
        return env;
    }

    /** KubeAI's proxy fields; whether they take effect depends on kubeai.yaml (see validate). */
    private static ModelTraffic readTraffic(Fields spec) {
        Integer target = spec.integer("targetRequests").orElse(null);
        if (target != null && target < 1) {
            spec.errorAt("targetRequests", ReaderHints.targetRequests());
        }
        Integer delay = spec.integer("scaleDownDelaySeconds").orElse(null);
        if (delay != null && delay < 0) {
            spec.errorAt("scaleDownDelaySeconds", ReaderHints.scaleDownDelay());
        }
        Fields lb = spec.object("loadBalancing");
        Optional<LoadBalancing> loadBalancing = Optional.empty();
        if (lb.isPresent()) {
            Fields hash = lb.object("prefixHash");
            Optional<LoadBalancing.PrefixHash> prefixHash = Optional.empty();
            if (hash.isPresent()) {
                prefixHash = Optional.of(new LoadBalancing.PrefixHash(
                        hash.integer("meanLoadFactor").orElse(null),
                        hash.integer("replication").orElse(null),
                        hash.integer("prefixCharLength").orElse(null)));
                hash.finish();
            }
            // Newer KubeAI strategies (RoutingKey) are read as written and reported where they have no effect.
            lb.allow("routingKey");
            loadBalancing =
                    Optional.of(new LoadBalancing(lb.string("strategy").orElse(LoadBalancing.LEAST_LOAD), prefixHash));
            lb.finish();
        }
        return new ModelTraffic(target, delay, loadBalancing);
    }

    private static String derivedName(String fileStem, int ordinal) {
        String base = fileStem.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "model";
        }
        return ordinal == 0 ? base : base + "-" + (ordinal + 1);
    }
}
