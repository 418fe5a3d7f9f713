package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.ResolvedAdapter;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.List;
import java.util.Optional;

/**
 * How one cache mode lays a Model out: where the server finds the model and its adapters, where a training
 * Job finds the base model, and which copies Models share. Every mode-specific rule of plan lives in the
 * mode's class; {@link #of} is the one switch over the modes, so a new mode is one new class, one case
 * here, and its storage kind in the spec.
 */
sealed interface CacheLayout permits DirectLayout, BucketLayout, SharedFilesystemLayout, StaticVolumeLayout {

    static CacheLayout of(Optional<CacheProfile> profile, PlanContext context) {
        if (profile.isEmpty()) {
            return new DirectLayout(context);
        }
        String name = profile.get().name();
        CacheStorage storage = profile.get().storage();
        return switch (storage.kind()) {
            case BUCKET -> new BucketLayout(context, (CacheStorage.Bucket) storage);
            case SHARED_FILESYSTEM ->
                new SharedFilesystemLayout(context, name, (CacheStorage.SharedFilesystem) storage);
            case STATIC_VOLUME -> new StaticVolumeLayout(context, (CacheStorage.StaticVolume) storage);
        };
    }

    /** The copy of {@code source} that Models of this profile share, when the mode shares copies. */
    Optional<SharedCopy> sharedCopy(SourceUrl source, String cacheKey);

    /** Objects of the shared cache's folder besides its loader Jobs (a shared volume). */
    List<ResourcePlan> sharedObjects();

    /** Where the server finds the model. */
    Located model(ResolvedModel model);

    /** Static adapter loading: puts {@code adapter} at {@code /adapters/<name>} before the server starts. */
    PodParts staticAdapter(ResolvedAdapter adapter);

    /** Dynamic adapter loading: what the server and the sidecar mount to read the cache's adapter copies. */
    PodParts adapterCache();

    /** Where a training Job finds the base model at {@code dir}. */
    BaseModel baseModel(ResolvedModel model, String dir);
}
