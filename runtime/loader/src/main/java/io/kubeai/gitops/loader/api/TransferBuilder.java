package io.kubeai.gitops.loader.api;

import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the builders of a load and a publish share: file selection, transfer options, the listener
 * and the environment. Setters return the concrete builder, so calls chain in any order.
 *
 * @param <B> the concrete builder
 */
public abstract class TransferBuilder<B extends TransferBuilder<B>> {
    private final List<String> includes = new ArrayList<>();
    private final List<String> excludes = new ArrayList<>();
    private TransferOptions options = TransferOptions.DEFAULTS;
    private LoaderListener listener = LoaderListener.NONE;
    private LoaderEnv env;

    TransferBuilder() {}

    /** This builder, as its own type. */
    abstract B self();

    public B include(String glob) {
        includes.add(glob);
        return self();
    }

    public B includes(List<String> globs) {
        includes.addAll(globs);
        return self();
    }

    public B exclude(String glob) {
        excludes.add(glob);
        return self();
    }

    public B excludes(List<String> globs) {
        excludes.addAll(globs);
        return self();
    }

    public B options(TransferOptions options) {
        this.options = options;
        return self();
    }

    public B concurrency(int n) {
        options = options.withConcurrency(n);
        return self();
    }

    public B partSize(long bytes) {
        options = options.withPartSize(bytes);
        return self();
    }

    public B retry(RetryPolicy retry) {
        options = options.withRetry(retry);
        return self();
    }

    public B timeouts(Duration connect, Duration read) {
        options = options.withTimeouts(connect, read);
        return self();
    }

    public B progressInterval(Duration interval) {
        options = options.withProgressInterval(interval);
        return self();
    }

    public B listener(LoaderListener listener) {
        this.listener = listener;
        return self();
    }

    /** Where endpoints and credentials come from; the process environment when not set. */
    public B env(LoaderEnv env) {
        this.env = env;
        return self();
    }

    List<String> includes() {
        return includes;
    }

    List<String> excludes() {
        return excludes;
    }

    TransferOptions options() {
        return options;
    }

    LoaderListener listener() {
        return listener;
    }

    LoaderEnv env() {
        return env == null ? LoaderEnv.system() : env;
    }
}
