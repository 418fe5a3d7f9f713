package io.kubeai.gitops.loader.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Upload {@code directory} (a finetuned adapter) to {@code destination} and write the marker there.
 * Build one with {@link #builder}.
 *
 * @param directory the local directory to upload; its {@code .kubeai/} folder is not uploaded
 * @param destination {@code s3://bucket/prefix} or {@code hf://org/repo[@branch]}
 * @param includes globs a file must match one of to be uploaded (all files when empty)
 * @param excludes globs that drop a file
 * @param commitMessage the Hub commit summary
 * @param privateRepo whether a Hub repository the publish creates is private
 * @param options concurrency, part size, retries, timeouts
 * @param listener progress and log lines
 * @param env endpoints and credentials
 */
public record PublishRequest(
        Path directory,
        String destination,
        List<String> includes,
        List<String> excludes,
        String commitMessage,
        boolean privateRepo,
        TransferOptions options,
        LoaderListener listener,
        LoaderEnv env) {

    public PublishRequest {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(destination, "destination");
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(commitMessage, "commitMessage");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(env, "env");
    }

    /** A builder with the defaults: all files, a private repository, {@link TransferOptions#DEFAULTS}. */
    public static Builder builder(Path directory, String destination) {
        return new Builder(directory, destination);
    }

    /** Builds a {@link PublishRequest}; every default lives here and in {@link TransferBuilder}. */
    public static final class Builder extends TransferBuilder<Builder> {
        private final Path directory;
        private final String destination;
        private String commitMessage = "Upload with kubeai-loader";
        private boolean privateRepo = true;

        private Builder(Path directory, String destination) {
            this.directory = directory;
            this.destination = destination;
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder commitMessage(String message) {
            this.commitMessage = message;
            return this;
        }

        public Builder privateRepo(boolean value) {
            this.privateRepo = value;
            return this;
        }

        public PublishRequest build() {
            return new PublishRequest(
                    directory,
                    destination,
                    includes(),
                    excludes(),
                    commitMessage,
                    privateRepo,
                    options(),
                    listener(),
                    env());
        }
    }
}
