package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.FineTuneJob;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.Optional;

/**
 * A FineTuneJob whose every part resolved.
 *
 * @param job          the job as declared
 * @param base         the base Model
 * @param adapterUrl   where the adapter is published, as written
 * @param storage      {@code adapterUrl} parsed: s3:// or hf://
 * @param training     the training file
 * @param validation   the validation file, if any
 * @param trainerImage the trainer image
 * @param trainer      the trainer's resource profile and count
 */
public record ResolvedFineTune(
        FineTuneJob job,
        ResolvedModel base,
        String adapterUrl,
        SourceUrl storage,
        SourceUrl training,
        Optional<SourceUrl> validation,
        String trainerImage,
        ResourceRequest trainer) {}
