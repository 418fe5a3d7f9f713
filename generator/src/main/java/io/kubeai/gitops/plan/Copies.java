package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.resolve.RenderedNames;
import io.kubeai.gitops.resolve.ResolvedAdapter;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ways of reading a model or adapter that several cache modes share. */
final class Copies {
    private Copies() {}

    /**
     * The model is in a bucket (its source, or a bucket cache filled by {@code job}). A server whose image
     * streams from S3 (vLLM's Run:ai streamer) reads it there; others get a copy on the pod's disk first.
     */
    static Located fromBucket(PlanContext context, ResolvedModel model, String url, Optional<String> job) {
        PodParts.Builder parts = PodParts.builder();
        job.ifPresent(j -> parts.init(context.containers()
                .await(RenderedNames.WAIT_MODEL, url, j, context.credentials().s3(url), List.of())));
        if (model.streamsFromS3()) {
            parts.env(context.credentials().runaiStreamer(url));
            return new Located(new ModelLocation(url, "s3", Optional.empty()), parts.build());
        }
        Located copy = copyToPod(context, url, context.credentials().s3(url));
        return new Located(copy.location(), parts.add(copy.parts()).build());
    }

    /** An init container loads the model onto the pod's disk; the engine reads it there. */
    static Located copyToPod(PlanContext context, String url, List<EnvVar> loaderEnv) {
        PodParts.Builder parts = PodParts.builder();
        parts.volume(Pods.emptyDir("model")).volume(Pods.tmpVolume());
        parts.init(context.containers()
                .load(
                        RenderedNames.FETCH_MODEL,
                        url,
                        ModelLocation.MOUNT,
                        loaderEnv,
                        List.of(Pods.mount("model", ModelLocation.MOUNT, false), Pods.tmpMount())));
        parts.mount(Pods.mount("model", ModelLocation.MOUNT, true));
        return new Located(ModelLocation.local(), parts.build());
    }

    /** An adapter copied from {@code from} into the pod's {@code /adapters}, after {@code wait} if any. */
    static PodParts fetchAdapter(PlanContext context, ResolvedAdapter adapter, String from, Optional<Container> wait) {
        PodParts.Builder parts = PodParts.builder().volume(Pods.emptyDir("adapters"));
        wait.ifPresent(parts::init);
        parts.init(context.containers()
                .load(
                        RenderedNames.FETCH_ADAPTER + adapter.name(),
                        from,
                        AdapterPlanner.MOUNT + "/" + adapter.name(),
                        context.credentials().forUrl(from),
                        List.of(Pods.mount("adapters", AdapterPlanner.MOUNT, false), Pods.tmpMount())));
        parts.volume(Pods.tmpVolume());
        parts.mount(Pods.mount("adapters", AdapterPlanner.MOUNT, true));
        return parts.build();
    }

    /** The base model copied into the training Job's scratch space from {@code from}. */
    static BaseModel fetchBaseModel(
            PlanContext context, String from, List<EnvVar> env, String dir, Optional<Container> wait) {
        List<Container> init = new ArrayList<>();
        wait.ifPresent(init::add);
        init.add(context.containers()
                .load(
                        "fetch-base-model",
                        from,
                        dir,
                        env,
                        List.of(Pods.mount("base-model", dir, false), Pods.tmpMount())));
        return new BaseModel(List.of(Pods.emptyDir("base-model")), init, Pods.mount("base-model", dir, true));
    }

    /**
     * A loader Job's name: the cache key and a hash of every input of the Job ({@code target} is where it
     * writes), so that a changed input makes a new Job instead of an immutable-field error on the old one.
     */
    static String jobName(PlanContext context, String cacheKey, SourceUrl source, String target, List<EnvVar> env) {
        String inputs = String.join(
                "\n",
                context.namespace(),
                source.canonical(),
                target,
                context.loader().toString(),
                env.toString());
        return Names.loaderJob(cacheKey, inputs);
    }

    /** A copy shared between Models: one loader Job per cache key and Job inputs. */
    static SharedCopy shared(
            PlanContext context,
            SourceUrl source,
            String cacheKey,
            String destination,
            List<EnvVar> env,
            List<Volume> volumes,
            List<VolumeMount> mounts) {
        String name = jobName(context, cacheKey, source, destination, env);
        return new SharedCopy(
                destination,
                new LoaderJob(
                        name, "", cacheKey, source.canonical(), destination, context.loader(), env, volumes, mounts));
    }
}
