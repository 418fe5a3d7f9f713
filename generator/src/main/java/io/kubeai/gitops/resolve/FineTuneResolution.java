package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.FineTuneJob;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.Optional;

/**
 * What a FineTuneJob's strings name, worked out once. Validate reports the parts that did not resolve.
 *
 * @param job            the job as declared
 * @param base           the base Model's resolution, if {@code spec.model} names one
 * @param adapterUrl     where the adapter will be published, if the job or the config says
 * @param adapterStorage {@code adapterUrl} parsed
 * @param training       the training file's parsed URL
 * @param validation     the validation file's parsed URL, if the job has one
 * @param trainerImage   the job's image, else the config's
 * @param trainer        the trainer's resource request, if well formed and the profile exists
 */
public record FineTuneResolution(
        FineTuneJob job,
        Optional<ModelResolution> base,
        Optional<String> adapterUrl,
        Optional<SourceUrl.Result> adapterStorage,
        SourceUrl.Result training,
        Optional<SourceUrl.Result> validation,
        Optional<String> trainerImage,
        Optional<ResourceRequest> trainer) {

    /** The job ready to plan, or empty when a part did not resolve. */
    public Optional<ResolvedFineTune> complete() {
        Optional<ResolvedModel> model = base.flatMap(ModelResolution::complete);
        Optional<SourceUrl> validationUrl = validation.flatMap(SourceUrl.Result::url);
        Optional<SourceUrl> storage = adapterStorage.flatMap(SourceUrl.Result::url);
        if (model.isEmpty()
                || adapterUrl.isEmpty()
                || storage.isEmpty()
                || training.url().isEmpty()
                || validation.isPresent() && validationUrl.isEmpty()
                || trainerImage.isEmpty()
                || trainer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedFineTune(
                job,
                model.get(),
                adapterUrl.get(),
                storage.get(),
                training.url().get(),
                validationUrl,
                trainerImage.get(),
                trainer.get()));
    }
}
