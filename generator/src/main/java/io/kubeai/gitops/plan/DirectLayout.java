package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.ResolvedAdapter;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.List;
import java.util.Optional;

/** No cache: the engine loads from the source itself, or from a copy an init container makes. */
record DirectLayout(PlanContext context) implements CacheLayout {

    @Override
    public Optional<SharedCopy> sharedCopy(SourceUrl source, String cacheKey) {
        return Optional.empty();
    }

    @Override
    public List<ResourcePlan> sharedObjects() {
        return List.of();
    }

    @Override
    public Located model(ResolvedModel model) {
        SourceUrl source = model.source();
        switch (source.scheme()) {
            case "hf":
                return new Located(
                        new ModelLocation(source.host(), "hf", source.revision()),
                        PodParts.builder().env(context.credentials().hf()).build());
            case "pvc":
                return new Located(
                        ModelLocation.local(),
                        PodParts.builder()
                                .volume(Pods.claim("model", source.host(), true))
                                .mount(Pods.mount("model", ModelLocation.MOUNT, source.path(), true))
                                .build());
            case "ollama":
                return new Located(new ModelLocation(source.host(), "ollama", Optional.empty()), PodParts.NONE);
            case "s3":
                return Copies.fromBucket(context, model, source.canonical(), Optional.empty());
            default:
                // gs:// and oss://: no engine streams them, so the loader copies the model to the pod.
                return Copies.copyToPod(
                        context, source.canonical(), context.credentials().forUrl(source.canonical()));
        }
    }

    @Override
    public PodParts staticAdapter(ResolvedAdapter adapter) {
        return Copies.fetchAdapter(context, adapter, adapter.source().canonical(), Optional.empty());
    }

    @Override
    public PodParts adapterCache() {
        return PodParts.NONE;
    }

    @Override
    public BaseModel baseModel(ResolvedModel model, String dir) {
        SourceUrl source = model.source();
        if (source.scheme().equals("pvc")) {
            return new BaseModel(
                    List.of(Pods.claim("base-model", source.host(), true)),
                    List.of(),
                    Pods.mount("base-model", dir, source.path(), true));
        }
        return Copies.fetchBaseModel(
                context, source.canonical(), context.credentials().forUrl(source.canonical()), dir, Optional.empty());
    }
}
