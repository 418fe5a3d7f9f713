package io.kubeai.gitops.spec;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A {@code kubeai.org/v1} FineTuneJob: the OpenAI fine-tuning request of the proposal, as a spec in Git.
 *
 * @param name            metadata.name; also the name of the adapter it produces
 * @param model           the base Model's metadata.name
 * @param trainingFile    an s3:// or hf:// URL
 * @param validationFile  an optional s3:// or hf:// URL
 * @param hyperparameters n_epochs, batch_size, learning_rate_multiplier (absent ones are the trainer's choice)
 * @param suffix          OpenAI's suffix, passed to the trainer
 * @param storageUrl      where the adapter is published; empty means the config's defaultURLTemplate
 * @param image           the trainer image, overriding finetuning.image
 * @param resourceProfile the trainer's {@code name:count}, overriding finetuning.resourceProfile
 * @param origin          the document that declared it
 */
public record FineTuneJob(
        String name,
        String model,
        String trainingFile,
        Optional<String> validationFile,
        Hyperparameters hyperparameters,
        Optional<String> suffix,
        Optional<String> storageUrl,
        Optional<String> image,
        Optional<String> resourceProfile,
        Origin origin) {

    /**
     * Where the adapter will live: {@code storage_url} (with the job's name appended when it ends in '/',
     * as in the proposal's example), else the config's defaultURLTemplate with {model} and {job}.
     */
    public Optional<String> adapterUrl(KubeAIConfig.FinetuningSettings settings) {
        if (storageUrl.isPresent()) {
            String url = storageUrl.get();
            return Optional.of(url.endsWith("/") ? url + name : url);
        }
        return settings.defaultURLTemplate()
                .map(t -> t.replace("{model}", model).replace("{job}", name));
    }

    /** OpenAI's hyperparameters; null means "let the trainer decide" ({@code auto}). */
    public record Hyperparameters(Integer nEpochs, Integer batchSize, BigDecimal learningRateMultiplier) {}
}
