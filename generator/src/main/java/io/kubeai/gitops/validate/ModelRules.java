package io.kubeai.gitops.validate;

import io.kubeai.gitops.api.Diagnostic;
import io.kubeai.gitops.spec.Adapter;
import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.Diagnostics;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.ModelFile;
import io.kubeai.gitops.spec.ModelReader;
import io.kubeai.gitops.spec.ModelSpec;
import io.kubeai.gitops.spec.NearestName;
import io.kubeai.gitops.spec.Origin;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** KubeAI's rules for one Model, plus the cache-profile rules of the proposal. */
final class ModelRules {
    private static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern ADAPTER_NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern RESOURCE_PROFILE = Pattern.compile("([^:]+):([0-9]+)");

    private final KubeAIConfig config;
    private final List<Diagnostic> diagnostics;

    ModelRules(KubeAIConfig config, List<Diagnostic> diagnostics) {
        this.config = config;
        this.diagnostics = diagnostics;
    }

    void check(Model model) {
        ModelSpec spec = model.spec();
        Origin o = model.origin();
        if (model.name().length() > 40 || !MODEL_NAME.matcher(model.name()).matches()) {
            error(o, "/metadata/name", Hints.modelName(model.name()));
        }
        if (!ModelReader.ENGINES.contains(spec.engine())) {
            error(o, "/spec/engine", Hints.unknownEngine(spec.engine()));
        }
        for (int i = 0; i < spec.features().size(); i++) {
            if (!ModelReader.FEATURES.contains(spec.features().get(i))) {
                error(
                        o,
                        "/spec/features/" + i,
                        Hints.unknownFeature(spec.features().get(i)));
            }
        }
        Optional<SourceUrl> source = Optional.empty();
        if (!spec.url().isEmpty()) {
            SourceUrl.Result parsed = SourceUrl.parse(spec.url());
            parsed.url().ifPresentOrElse(u -> {}, () -> error(o, "/spec/url", parsed.problem()));
            source = parsed.url();
        }
        source.filter(u -> u.scheme().equals("ollama") && !spec.engine().equals("OLlama"))
                .ifPresent(u -> error(o, "/spec/url", Hints.ollamaNeedsOllama(spec.engine())));
        if (spec.engine().equals("OLlama")) {
            source.filter(u -> !u.scheme().equals("ollama") && !u.scheme().equals("hf"))
                    .ifPresent(u -> error(o, "/spec/url", Hints.ollamaSources(u.scheme())));
            spec.cacheProfile()
                    .filter(p -> !p.equals(CacheProfile.NONE))
                    .ifPresent(p -> error(o, "/spec/cacheProfile", Hints.ollamaCache()));
        }
        checkCache(model, source);
        checkAdapters(model);
        checkResourceProfile(o, spec);
        checkReplicas(o, spec);
        checkEnvAndFiles(o, spec);
        spec.adapterLoading()
                .filter(v -> !v.equals("Static") && !v.equals("Dynamic"))
                .ifPresent(v -> error(o, "/spec/adapterLoading", Hints.adapterLoading(v)));
        spec.adapterLoading()
                .filter("Dynamic"::equals)
                .filter(v -> !spec.engine().equals("VLLM"))
                .ifPresent(v -> error(o, "/spec/adapterLoading", Hints.adaptersNeedVllm(spec.engine())));
    }

    private void checkCache(Model model, Optional<SourceUrl> source) {
        Origin o = model.origin();
        ModelSpec spec = model.spec();
        Optional<String> asked = spec.cacheProfile().filter(p -> !p.equals(CacheProfile.NONE));
        if (asked.isPresent()) {
            String name = asked.get();
            if (!config.cacheProfiles().containsKey(name)) {
                error(
                        o,
                        "/spec/cacheProfile",
                        Hints.undefinedCacheProfile(
                                name, String.join(", ", config.cacheProfiles().keySet())));
            } else {
                source.filter(u -> !u.cacheable())
                        .ifPresent(
                                u -> error(o, "/spec/cacheProfile", Hints.cacheNeedsCacheableSource(name, u.scheme())));
            }
        }
        Optional<CacheProfile> effective = EffectiveProfile.of(config, spec, source);
        effective.filter(p -> p.storage() instanceof CacheStorage.StaticVolume).ifPresent(p -> {
            if (!spec.adapters().isEmpty()) {
                error(
                        o,
                        spec.cacheProfile().isPresent() ? "/spec/cacheProfile" : "/spec/adapters",
                        Hints.adaptersOnStaticVolume(p.name()));
            }
            CacheStorage.StaticVolume disk = (CacheStorage.StaticVolume) p.storage();
            int wanted = maxReplicas(spec);
            disk.maxReadOnlyAttachments()
                    .filter(limit -> wanted > limit)
                    .ifPresent(limit -> error(
                            o,
                            spec.maxReplicas() != null ? "/spec/maxReplicas" : "/spec/replicas",
                            Hints.attachLimit(wanted, p.name(), limit)));
        });
    }

    private static int maxReplicas(ModelSpec spec) {
        int max = 1;
        for (Integer n : new Integer[] {spec.replicas(), spec.minReplicas(), spec.maxReplicas()}) {
            if (n != null) {
                max = Math.max(max, n);
            }
        }
        return max;
    }

    private void checkAdapters(Model model) {
        ModelSpec spec = model.spec();
        if (!spec.adapters().isEmpty()
                && !spec.engine().equals("VLLM")
                && ModelReader.ENGINES.contains(spec.engine())) {
            error(model.origin(), "/spec/adapters", Hints.adaptersNeedVllm(spec.engine()));
        }
        Set<String> names = new HashSet<>();
        for (Adapter adapter : spec.adapters()) {
            if (adapter.name().isEmpty()) {
                continue;
            }
            if (adapter.name().length() > 63
                    || !ADAPTER_NAME.matcher(adapter.name()).matches()) {
                error(adapter.origin(), "/name", Hints.adapterName(adapter.name()));
            }
            if (!names.add(adapter.name())) {
                error(adapter.origin(), "/name", Hints.duplicateAdapter(adapter.name(), model.name()));
            }
            if (!adapter.url().isEmpty()) {
                SourceUrl.Result parsed = SourceUrl.parse(adapter.url());
                if (parsed.url().isEmpty()) {
                    error(adapter.origin(), "/url", Hints.adapterUrl(parsed.problem()));
                } else if (!parsed.url().get().cacheable()) {
                    error(adapter.origin(), "/url", Hints.adapterUrl("'" + adapter.url() + "' cannot be fetched"));
                }
            }
        }
    }

    private void checkResourceProfile(Origin o, ModelSpec spec) {
        spec.resourceProfile().ifPresent(value -> {
            var m = RESOURCE_PROFILE.matcher(value);
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1) {
                error(o, "/spec/resourceProfile", Hints.resourceProfileFormat(value));
                return;
            }
            String name = m.group(1);
            if (!config.resourceProfiles().containsKey(name)) {
                String nearest = NearestName.find(
                                name, config.resourceProfiles().keySet())
                        .map(n -> " (did you mean '" + n + "'?)")
                        .orElse("");
                error(o, "/spec/resourceProfile", Hints.unknownResourceProfile(name, nearest));
            }
        });
    }

    private void checkReplicas(Origin o, ModelSpec spec) {
        if (spec.replicas() != null && spec.replicas() < 0) {
            error(o, "/spec/replicas", Hints.negative("replicas"));
        }
        if (spec.minReplicas() != null && spec.minReplicas() < 0) {
            error(o, "/spec/minReplicas", Hints.negative("minReplicas"));
        }
        if (spec.minReplicas() != null && spec.maxReplicas() != null && spec.minReplicas() > spec.maxReplicas()) {
            error(o, "/spec/minReplicas", Hints.replicasRange(spec.minReplicas(), spec.maxReplicas()));
        }
    }

    private void checkEnvAndFiles(Origin o, ModelSpec spec) {
        for (String name : spec.env().keySet()) {
            if (!ENV_NAME.matcher(name).matches()) {
                error(o, "/spec/env", Hints.envName(name));
            }
        }
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < spec.files().size(); i++) {
            ModelFile file = spec.files().get(i);
            if (!file.path().startsWith("/") || !paths.add(file.path())) {
                error(o, "/spec/files/" + i + "/path", Hints.filePath(file.path()));
            }
        }
    }

    private void error(Origin origin, String relative, String message) {
        diagnostics.add(Diagnostics.error(origin.at(relative), message));
    }
}
