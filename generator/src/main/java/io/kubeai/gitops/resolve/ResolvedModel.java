package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.Engine;
import io.kubeai.gitops.spec.EngineImage;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.ModelSpec;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.List;
import java.util.Optional;

/**
 * A Model whose every part resolved: what plan reads instead of parsing the spec again.
 *
 * @param model        the Model as declared
 * @param source       its parsed URL
 * @param cacheKey     the key of its copy in a cache, from the source alone
 * @param engine       its engine
 * @param cache        its effective cache profile; empty for none
 * @param adapters     its adapters in spec order
 * @param resources    its resource profile and count
 * @param image        its server image and what that image can do
 * @param finetuneBase true when a FineTuneJob will add adapters to it
 */
public record ResolvedModel(
        Model model,
        SourceUrl source,
        String cacheKey,
        Engine engine,
        Optional<CacheProfile> cache,
        List<ResolvedAdapter> adapters,
        ResourceRequest resources,
        EngineImage image,
        boolean finetuneBase) {

    public ResolvedModel {
        adapters = List.copyOf(adapters);
    }

    /** metadata.name as written: the served model name, the adapters' prefix and the model label. */
    public String name() {
        return model.name();
    }

    /** The name of the Model's Kubernetes objects, derived from {@link #name()} by {@link Names}. */
    public String objectName() {
        return Names.modelObject(model.name());
    }

    public ModelSpec spec() {
        return model.spec();
    }

    /** True when adapter-sync loads this Model's adapters at run time (see {@link AdapterLoading}). */
    public boolean loadsAdaptersDynamically() {
        return AdapterLoading.dynamic(engine, model.spec(), finetuneBase);
    }

    /** True when the server reads s3:// itself: the engine can, and so can this image. */
    public boolean streamsFromS3() {
        return engine.streamsFromS3() && image.features().streamsFromS3();
    }

    /** The spec file, as the generated files' header names it. */
    public String specFile() {
        return model.origin().file();
    }
}
