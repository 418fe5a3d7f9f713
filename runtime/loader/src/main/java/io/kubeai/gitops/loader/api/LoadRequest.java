package io.kubeai.gitops.loader.api;

import java.util.List;
import java.util.Objects;

/**
 * Fill {@code destination} from {@code source}. Build one with {@link #builder}.
 *
 * @param source {@code hf://org/repo[@revision]} (or {@code ?revision=}), {@code s3://bucket/prefix}
 *     or a local directory
 * @param destination a local directory or an {@code s3://bucket/prefix}
 * @param includes globs a file must match one of to be loaded (all files when empty)
 * @param excludes globs that drop a file
 * @param defaultExcludes for {@code hf://} sources, skip duplicate weight formats ({@code original/},
 *     {@code *.pth}, {@code pytorch_model*.bin}, ...) when safetensors exist
 * @param force load again even if the marker says the same source and revision are complete
 * @param fsync for directory destinations, force every file to disk before the marker is written, so
 *     a node crash cannot leave a marker over lost data; off suits throwaway caches (emptyDir)
 * @param options concurrency, part size, retries, timeouts
 * @param listener progress and log lines
 * @param env endpoints and credentials
 */
public record LoadRequest(
        String source,
        String destination,
        List<String> includes,
        List<String> excludes,
        boolean defaultExcludes,
        boolean force,
        boolean fsync,
        TransferOptions options,
        LoaderListener listener,
        LoaderEnv env) {

    public LoadRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(env, "env");
    }

    /**
     * A builder with the defaults: all files, default excludes on, fsync on, {@link
     * TransferOptions#DEFAULTS}, the process environment.
     */
    public static Builder builder(String source, String destination) {
        return new Builder(source, destination);
    }

    /** Builds a {@link LoadRequest}; every default lives here and in {@link TransferBuilder}. */
    public static final class Builder extends TransferBuilder<Builder> {
        private final String source;
        private final String destination;
        private boolean defaultExcludes = true;
        private boolean force;
        private boolean fsync = true;

        private Builder(String source, String destination) {
            this.source = source;
            this.destination = destination;
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder defaultExcludes(boolean on) {
            this.defaultExcludes = on;
            return this;
        }

        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        public Builder fsync(boolean fsync) {
            this.fsync = fsync;
            return this;
        }

        public LoadRequest build() {
            return new LoadRequest(
                    source,
                    destination,
                    includes(),
                    excludes(),
                    defaultExcludes,
                    force,
                    fsync,
                    options(),
                    listener(),
                    env());
        }
    }
}
