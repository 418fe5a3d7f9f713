package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.Engine;
import io.kubeai.gitops.spec.EngineImage;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.List;
import java.util.Optional;

/**
 * What a Model's strings name, worked out once: its parsed source, its engine, its effective cache profile,
 * its adapters' sources and its resource request. Parts that do not resolve are empty here; validate
 * reports each at its line, and only a Model whose every part resolved becomes a {@link ResolvedModel}.
 *
 * @param model          the Model as declared
 * @param source         its parsed URL, or why it is not one
 * @param engine         the engine {@code spec.engine} names, if KubeAI knows it
 * @param cache          the effective cache profile: its own, else the config's default; empty for none
 * @param cacheDefined   false when {@code spec.cacheProfile} names no profile of kubeai.yaml
 * @param adapters       every adapter with its parsed URL
 * @param resources      the resource request, if well formed and the profile exists
 * @param image          the server image and what it can do, once the engine and resource profile resolved
 * @param finetuneBase   true when a FineTuneJob will add adapters to this Model
 */
public record ModelResolution(
        Model model,
        SourceUrl.Result source,
        Optional<Engine> engine,
        Optional<CacheProfile> cache,
        boolean cacheDefined,
        List<AdapterResolution> adapters,
        Optional<ResourceRequest> resources,
        Optional<EngineImage> image,
        boolean finetuneBase) {

    public ModelResolution {
        adapters = List.copyOf(adapters);
    }

    /** True when adapter-sync will load this Model's adapters at run time (see {@link AdapterLoading}). */
    public boolean loadsAdaptersDynamically() {
        return engine.map(e -> AdapterLoading.dynamic(e, model.spec(), finetuneBase))
                .orElse(false);
    }

    /** The parsed source, when the URL is one. */
    public Optional<SourceUrl> sourceUrl() {
        return source.url();
    }

    /** The Model ready to plan, or empty when a part did not resolve. */
    public Optional<ResolvedModel> complete() {
        Optional<List<ResolvedAdapter>> resolved = Complete.all(adapters, AdapterResolution::complete);
        if (resolved.isEmpty()
                || source.url().isEmpty()
                || engine.isEmpty()
                || resources.isEmpty()
                || image.isEmpty()
                || !cacheDefined) {
            return Optional.empty();
        }
        SourceUrl url = source.url().get();
        return Optional.of(new ResolvedModel(
                model,
                url,
                Names.cacheKey(url),
                engine.get(),
                cache,
                resolved.get(),
                resources.get(),
                image.get(),
                finetuneBase));
    }
}
