package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.Engine;
import io.kubeai.gitops.spec.EngineImages;
import io.kubeai.gitops.spec.FineTuneJob;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.ModelSpec;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place a spec's strings are parsed and looked up: URLs, engine names, cache and resource
 * profiles, a FineTuneJob's base Model. It reports nothing; validate reports on what it found.
 */
public final class Resolver {
    private final KubeAIConfig config;

    public Resolver(KubeAIConfig config) {
        this.config = config;
    }

    /** Every Model and FineTuneJob, in the order given. */
    public Resolution resolve(List<Model> models, List<FineTuneJob> jobs) {
        Set<String> bases = new HashSet<>();
        jobs.forEach(j -> bases.add(j.model()));
        List<ModelResolution> resolved = new ArrayList<>();
        Map<String, ModelResolution> byName = new HashMap<>();
        for (Model model : models) {
            ModelResolution r = model(model, bases.contains(model.name()));
            resolved.add(r);
            byName.putIfAbsent(model.name(), r);
        }
        List<FineTuneResolution> fineTunes = new ArrayList<>();
        for (FineTuneJob job : jobs) {
            fineTunes.add(fineTune(job, Optional.ofNullable(byName.get(job.model()))));
        }
        return new Resolution(config, resolved, fineTunes);
    }

    private ModelResolution model(Model model, boolean finetuneBase) {
        ModelSpec spec = model.spec();
        SourceUrl.Result source = SourceUrl.parse(spec.url());
        Optional<Engine> engine = Engine.named(spec.server().engine());
        List<AdapterResolution> adapters = new ArrayList<>();
        spec.adapters().forEach(a -> adapters.add(new AdapterResolution(a, SourceUrl.parse(a.url()))));
        boolean defined = spec.cacheProfile()
                .map(p -> p.equals(CacheProfile.NONE) || config.cacheProfiles().containsKey(p))
                .orElse(true);
        Optional<ResourceRequest> resources =
                ResourceRequest.of(spec.resourceProfile().orElse("cpu:1"), config.resourceProfiles());
        return new ModelResolution(
                model,
                source,
                engine,
                cache(spec, engine, source.url()),
                defined,
                adapters,
                resources,
                engine.flatMap(e -> resources.map(r -> EngineImages.builtIn().of(e, image(spec, e, r)))),
                finetuneBase);
    }

    /** The Model's own image, else the engine's image for the profile's image name, else its default. */
    private String image(ModelSpec spec, Engine engine, ResourceRequest resources) {
        if (spec.server().image().isPresent()) {
            return spec.server().image().get();
        }
        Map<String, String> images = config.engineImages().getOrDefault(engine.specName(), Map.of());
        String image = images.getOrDefault(resources.profile().imageName(), images.get("default"));
        if (image == null) {
            throw new IllegalStateException("no image for engine " + engine);
        }
        return image;
    }

    /**
     * The Model's own profile, else the config's default. The default applies only to sources it can cache
     * and engines that read a cache: a pvc:// or ollama:// Model, or an OLlama one, loads directly.
     */
    private Optional<CacheProfile> cache(ModelSpec spec, Optional<Engine> engine, Optional<SourceUrl> source) {
        if (spec.cacheProfile().isPresent()) {
            return spec.cacheProfile().map(config.cacheProfiles()::get);
        }
        if (engine.filter(Engine::pullsItsOwnModels).isPresent()
                || source.isPresent() && !source.get().cacheable()) {
            return Optional.empty();
        }
        return config.defaultProfile().map(config.cacheProfiles()::get);
    }

    private FineTuneResolution fineTune(FineTuneJob job, Optional<ModelResolution> base) {
        String trainer = job.resourceProfile().orElse(config.finetuning().resourceProfile());
        Optional<String> adapterUrl = job.adapterUrl(config.finetuning());
        return new FineTuneResolution(
                job,
                base,
                adapterUrl,
                adapterUrl.map(SourceUrl::parse),
                SourceUrl.parse(job.trainingFile()),
                job.validationFile().map(SourceUrl::parse),
                job.image().or(() -> config.finetuning().image()),
                ResourceRequest.of(trainer, config.resourceProfiles()));
    }
}
