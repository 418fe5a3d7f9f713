package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.kubeai.gitops.resolve.RenderedNames;
import io.kubeai.gitops.resolve.ResolvedAdapter;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bucket cache: a loader Job copies each source to {@code <bucket prefix>/<cache-key>/} once; vLLM streams
 * the copy, other engines and adapters get it copied into the pod after waiting for its marker.
 */
record BucketLayout(PlanContext context, CacheStorage.Bucket bucket) implements CacheLayout {

    @Override
    public Optional<SharedCopy> sharedCopy(SourceUrl source, String cacheKey) {
        return Optional.of(copyOf(source, cacheKey));
    }

    private SharedCopy copyOf(SourceUrl source, String cacheKey) {
        // The Job reads the source with its scheme's credentials and writes the bucket with S3's.
        List<EnvVar> env = new ArrayList<>(context.credentials().forUrl(source.canonical()));
        context.credentials().s3(bucket.url()).forEach(v -> {
            if (env.stream().noneMatch(e -> e.getName().equals(v.getName()))) {
                env.add(v);
            }
        });
        return Copies.shared(
                context,
                source,
                cacheKey,
                bucket.prefix() + "/" + cacheKey,
                env,
                List.of(Pods.tmpVolume()),
                List.of(Pods.tmpMount()));
    }

    @Override
    public List<ResourcePlan> sharedObjects() {
        return List.of();
    }

    @Override
    public Located model(ResolvedModel model) {
        SharedCopy copy = copyOf(model.source(), model.cacheKey());
        return Copies.fromBucket(
                context, model, copy.destination(), Optional.of(copy.job().name()));
    }

    @Override
    public PodParts staticAdapter(ResolvedAdapter adapter) {
        SharedCopy copy = copyOf(adapter.source(), adapter.cacheKey());
        Container wait = context.containers()
                .await(
                        RenderedNames.WAIT_ADAPTER + adapter.name(),
                        copy.destination(),
                        copy.job().name(),
                        context.credentials().s3(bucket.url()),
                        List.of());
        return Copies.fetchAdapter(context, adapter, copy.destination(), Optional.of(wait));
    }

    @Override
    public PodParts adapterCache() {
        return PodParts.NONE;
    }

    @Override
    public BaseModel baseModel(ResolvedModel model, String dir) {
        SharedCopy copy = copyOf(model.source(), model.cacheKey());
        Container wait = context.containers()
                .await(
                        "wait-base-model",
                        copy.destination(),
                        copy.job().name(),
                        context.credentials().s3(bucket.url()),
                        List.of());
        return Copies.fetchBaseModel(
                context, copy.destination(), context.credentials().s3(bucket.url()), dir, Optional.of(wait));
    }
}
