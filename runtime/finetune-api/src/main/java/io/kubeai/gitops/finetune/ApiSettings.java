package io.kubeai.gitops.finetune;

import io.kubeai.gitops.hook.CommitRequest;
import io.kubeai.gitops.hook.GitTarget;
import io.kubeai.gitops.hook.HookException;
import io.kubeai.gitops.hook.cli.Credentials;
import io.kubeai.gitops.hook.git.GitCredentials;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the service is told by its Deployment, read once from the environment. Defaults live here
 * and nowhere else.
 *
 * @param port            the HTTP port
 * @param apiKeys         the bearer tokens clients must present
 * @param filesUrl        {@code s3://bucket/prefix/}: uploaded files, job records and idempotency keys
 * @param git             where FineTuneJobs are committed, and as whom
 * @param branchTemplate  the proposal branch of a job in branch mode; {@code {job}} is the job's id
 * @param namespace       where the training Jobs run
 * @param maxUploadBytes  the largest file {@code POST /v1/files} takes
 * @param maxRequestBytes the largest JSON request body
 * @param gitRefresh      how long a read of the Git branch is reused for status
 */
public record ApiSettings(
        int port,
        List<String> apiKeys,
        String filesUrl,
        GitTarget git,
        String branchTemplate,
        String namespace,
        long maxUploadBytes,
        long maxRequestBytes,
        Duration gitRefresh) {

    public static final String DEFAULT_BRANCH_TEMPLATE = "kubeai/finetune-{job}";
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 512L << 20;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1L << 20;

    public ApiSettings {
        apiKeys = List.copyOf(apiKeys);
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("no API key");
        }
    }

    /**
     * Reads the settings from environment variables (see the README); a missing required one or a bad
     * value is an {@link IllegalArgumentException} that names the variable.
     */
    public static ApiSettings fromEnvironment(Map<String, String> env) throws IOException {
        List<String> keys = new ArrayList<>();
        get(env, "KUBEAI_API_KEY").ifPresent(keys::add);
        Optional<String> keyFile = get(env, "KUBEAI_API_KEY_FILE");
        if (keyFile.isPresent()) {
            // One key a line, so keys can be rotated: add the new one, move clients, drop the old one.
            Files.readAllLines(Path.of(keyFile.get()), StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(keys::add);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(
                    "set KUBEAI_API_KEY or KUBEAI_API_KEY_FILE (the Secret's key): the API never runs without auth");
        }
        String filesUrl = require(env, "FILES_URL", "s3://bucket/prefix/ where uploaded files are kept");
        if (!filesUrl.startsWith("s3://") || filesUrl.length() <= "s3://".length()) {
            throw new IllegalArgumentException("FILES_URL must be an s3:// URL, got '" + filesUrl + "'");
        }
        String mode = get(env, "GIT_MODE").orElse("push").toUpperCase(Locale.ROOT);
        if (!mode.equals("PUSH") && !mode.equals("BRANCH")) {
            throw new IllegalArgumentException("GIT_MODE must be push or branch, got '" + env.get("GIT_MODE") + "'");
        }
        Optional<GitCredentials> credentials;
        try {
            credentials = Credentials.resolve(
                    env,
                    get(env, "GIT_USERNAME_FILE").map(Path::of).orElse(null),
                    get(env, "GIT_PASSWORD_FILE").map(Path::of).orElse(null));
        } catch (HookException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String branch = get(env, "GIT_BRANCH").orElse("main");
        GitTarget git = new GitTarget(
                require(env, "GIT_REPOSITORY", "the GitOps repo's clone URL"),
                branch,
                get(env, "GIT_PATH").orElse(""),
                CommitRequest.Mode.valueOf(mode),
                branch,
                get(env, "GIT_AUTHOR_NAME").orElse(CommitRequest.DEFAULT_AUTHOR_NAME),
                get(env, "GIT_AUTHOR_EMAIL").orElse(CommitRequest.DEFAULT_AUTHOR_EMAIL),
                RetryPolicy.GIT_PUSH,
                credentials);
        return new ApiSettings(
                (int) number(env, "PORT", 8080),
                keys,
                filesUrl.endsWith("/") ? filesUrl : filesUrl + "/",
                git,
                get(env, "GIT_BRANCH_TEMPLATE").orElse(DEFAULT_BRANCH_TEMPLATE),
                get(env, "NAMESPACE").orElse("kubeai"),
                number(env, "MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES),
                number(env, "MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES),
                Duration.ofMillis(number(env, "GIT_REFRESH_MILLIS", 2000)));
    }

    /** The secrets a log line must never show. */
    public List<String> secrets() {
        List<String> all = new ArrayList<>(apiKeys);
        git.credentials().ifPresent(c -> all.addAll(c.secrets()));
        return all;
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String require(Map<String, String> env, String name, String what) {
        return get(env, name).orElseThrow(() -> new IllegalArgumentException("set " + name + ": " + what));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        Optional<String> value = get(env, name);
        try {
            long n = value.map(Long::parseLong).orElse(fallback);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value.orElse("") + "'");
        }
    }
}
