package io.kubeai.gitops.validate;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.resolve.AdapterResolution;
import io.kubeai.gitops.resolve.ModelResolution;
import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.resolve.ResourceRequest;
import io.kubeai.gitops.spec.Adapter;
import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.Diagnostics;
import io.kubeai.gitops.spec.Engine;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.KubernetesName;
import io.kubeai.gitops.spec.LabelSyntax;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.ModelFile;
import io.kubeai.gitops.spec.ModelReader;
import io.kubeai.gitops.spec.ModelSpec;
import io.kubeai.gitops.spec.NearestName;
import io.kubeai.gitops.spec.Origin;
import io.kubeai.gitops.spec.Scaling;
import io.kubeai.gitops.spec.ServerSpec;
import io.kubeai.gitops.spec.SourceUrl;
import io.kubeai.gitops.wording.Hints;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** KubeAI's rules for one Model, plus the cache-profile rules of the proposal. */
final class ModelRules {
    private static final Pattern ADAPTER_NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    /** The local bucket's Deployment and Service, and the shared caches' claims, in the Models' namespace. */
    private static final String RESERVED_NAME = "kubeai-bucket";

    private static final String RESERVED_PREFIX = "kubeai-cache-";

    private final KubeAIConfig config;
    private final List<Diagnostic> diagnostics;

    ModelRules(KubeAIConfig config, List<Diagnostic> diagnostics) {
        this.config = config;
        this.diagnostics = diagnostics;
    }

    void check(ModelResolution resolved) {
        Model model = resolved.model();
        ModelSpec spec = model.spec();
        ServerSpec server = spec.server();
        Origin o = model.origin();
        if (model.name().length() > Names.MODEL_NAME_MAX
                // A DNS-1123 subdomain is what the API server takes as a Model's name; dots are common (llama-3.1-8b).
                || !KubernetesName.DNS_SUBDOMAIN.accepts(model.name())) {
            error(o, "/metadata/name", Hints.modelName(model.name()));
        } else if (model.name().equals(RESERVED_NAME) || model.name().startsWith(RESERVED_PREFIX)) {
            error(o, "/metadata/name", Hints.reservedModelName(model.name()));
        }
        // Labels and annotations go onto the pods, where the API server would refuse a malformed one.
        model.labels().forEach((key, value) -> {
            if (!LabelSyntax.isQualifiedName(key) || !LabelSyntax.isLabelValue(value)) {
                error(o, "/metadata/labels/" + pointerToken(key), Hints.label(key, value));
            }
        });
        model.annotations().keySet().stream()
                .filter(key -> !LabelSyntax.isQualifiedName(key))
                .forEach(key -> error(o, "/metadata/annotations/" + pointerToken(key), Hints.annotationKey(key)));
        if (resolved.engine().isEmpty()) {
            error(o, "/spec/engine", Hints.unknownEngine(server.engine(), Engine.names(" or ")));
        }
        for (int i = 0; i < server.features().size(); i++) {
            if (!ModelReader.FEATURES.contains(server.features().get(i))) {
                error(
                        o,
                        "/spec/features/" + i,
                        Hints.unknownFeature(server.features().get(i)));
            }
        }
        // An empty URL is the reader's error; anything else that does not parse is reported here.
        Optional<SourceUrl> source = resolved.sourceUrl();
        if (!spec.url().isEmpty() && source.isEmpty()) {
            error(o, "/spec/url", resolved.source().problem());
        }
        source.filter(u -> u.scheme().equals("ollama"))
                .filter(u -> resolved.engine().filter(e -> e.serves("ollama")).isEmpty())
                .ifPresent(u -> error(o, "/spec/url", Hints.ollamaNeedsOllama(server.engine())));
        resolved.engine().ifPresent(engine -> {
            if (engine.pullsItsOwnModels()) {
                source.filter(u -> !engine.serves(u.scheme()))
                        .ifPresent(u -> error(o, "/spec/url", Hints.ollamaSources(u.scheme())));
                spec.cacheProfile()
                        .filter(p -> !p.equals(CacheProfile.NONE))
                        .ifPresent(p -> error(o, "/spec/cacheProfile", Hints.ollamaCache()));
            }
        });
        checkCache(resolved, source);
        checkAdapters(resolved);
        checkResourceProfile(o, spec);
        checkReplicas(o, spec.scaling());
        checkEnvAndFiles(o, server);
        spec.adapterLoading()
                .filter(v -> !v.equals("Static") && !v.equals("Dynamic"))
                .ifPresent(v -> error(o, "/spec/adapterLoading", Hints.adapterLoading(v)));
        spec.adapterLoading()
                .filter("Dynamic"::equals)
                .filter(v -> resolved.engine().filter(Engine::servesAdapters).isEmpty())
                .ifPresent(v -> error(o, "/spec/adapterLoading", Hints.adaptersNeedVllm(server.engine())));
    }

    private void checkCache(ModelResolution resolved, Optional<SourceUrl> source) {
        Model model = resolved.model();
        Origin o = model.origin();
        ModelSpec spec = model.spec();
        Optional<String> asked = spec.cacheProfile().filter(p -> !p.equals(CacheProfile.NONE));
        if (asked.isPresent()) {
            String name = asked.get();
            if (!resolved.cacheDefined()) {
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
        Optional<CacheProfile> effective = resolved.cache();
        effective.ifPresent(p -> {
            if (config.gitops().engine().equals("plain")) {
                p.storage()
                        .whyOrderedApply()
                        .ifPresent(why -> error(
                                o,
                                spec.cacheProfile().isPresent() ? "/spec/cacheProfile" : "/metadata/name",
                                Hints.needsOrderedApply(
                                        p.name(), p.storage().kind().key(), why)));
            }
            if (!p.storage().takesAdapters() && !spec.adapters().isEmpty()) {
                error(
                        o,
                        spec.cacheProfile().isPresent() ? "/spec/cacheProfile" : "/spec/adapters",
                        Hints.adaptersNotTaken(
                                p.name(), p.storage().kind().key(), p.storage().whyNoAdapters()));
            }
            int wanted = spec.scaling().atMost();
            p.storage()
                    .readOnlyAttachLimit()
                    .filter(limit -> wanted > limit)
                    .ifPresent(limit -> error(
                            o,
                            spec.scaling().maxReplicas() != null ? "/spec/maxReplicas" : "/spec/replicas",
                            Hints.attachLimit(wanted, p.name(), limit)));
        });
    }

    private void checkAdapters(ModelResolution resolved) {
        Model model = resolved.model();
        ModelSpec spec = model.spec();
        if (!spec.adapters().isEmpty()
                && resolved.engine().filter(e -> !e.servesAdapters()).isPresent()) {
            error(
                    model.origin(),
                    "/spec/adapters",
                    Hints.adaptersNeedVllm(spec.server().engine()));
        }
        Set<String> names = new HashSet<>();
        for (AdapterResolution resolution : resolved.adapters()) {
            Adapter adapter = resolution.adapter();
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
                SourceUrl.Result parsed = resolution.source();
                if (parsed.url().isEmpty()) {
                    error(adapter.origin(), "/url", Hints.adapterUrl(parsed.problem()));
                } else if (!parsed.url().get().cacheable()) {
                    error(adapter.origin(), "/url", Hints.adapterUrl(Hints.notFetchable(adapter.url())));
                }
            }
        }
    }

    private void checkResourceProfile(Origin o, ModelSpec spec) {
        spec.resourceProfile().ifPresent(value -> {
            if (!ResourceRequest.wellFormed(value)) {
                error(o, "/spec/resourceProfile", Hints.resourceProfileFormat(value));
                return;
            }
            String name = ResourceRequest.profileName(value);
            if (!config.resourceProfiles().containsKey(name)) {
                String nearest = NearestName.find(
                                name, config.resourceProfiles().keySet())
                        .map(n -> " (did you mean '" + n + "'?)")
                        .orElse("");
                error(o, "/spec/resourceProfile", Hints.unknownResourceProfile(name, nearest));
            }
        });
    }

    private void checkReplicas(Origin o, Scaling spec) {
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

    private void checkEnvAndFiles(Origin o, ServerSpec spec) {
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

    /** A map key as one JSON-pointer token: '~' and '/' escaped. */
    private static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
