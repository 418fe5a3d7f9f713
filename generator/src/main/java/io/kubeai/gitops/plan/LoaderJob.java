package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;

/**
 * A Job that runs {@code load <source> <destination>} once per cache entry.
 *
 * @param name        {@code load-<cache-key>-<inputs hash>}
 * @param model       the Model it loads for, or empty for a shared cache entry
 * @param cacheKey    the cache key of the source
 * @param source      the source URL
 * @param destination a path inside {@code mounts} or an s3:// prefix
 */
public record LoaderJob(
        String name,
        String model,
        String cacheKey,
        String source,
        String destination,
        LoaderImage loader,
        List<EnvVar> env,
        List<Volume> volumes,
        List<VolumeMount> mounts) {}
