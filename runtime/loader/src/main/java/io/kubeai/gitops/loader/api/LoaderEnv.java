package io.kubeai.gitops.loader.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the loader finds endpoints and credentials: environment variables, and files they point to.
 * Nothing here is ever printed.
 *
 * <ul>
 *   <li>{@code HF_TOKEN}, or a file named by {@code HF_TOKEN_PATH}: the Hub token, sent as Bearer.
 *   <li>{@code HF_ENDPOINT}: the Hub's base URL (default {@code https://huggingface.co}).
 *   <li>{@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}: S3
 *       credentials. Without them, {@link #system()} falls back to what the environment points to:
 *       a web identity token file (IRSA), EKS Pod Identity, profile files; never the instance
 *       metadata service. {@link #of} uses anonymous access.
 *   <li>{@code AWS_REGION} or {@code AWS_DEFAULT_REGION} (default {@code us-east-1}).
 *   <li>{@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}: an S3-compatible endpoint.
 *   <li>{@code AWS_S3_FORCE_PATH_STYLE=true}: path-style bucket addressing (SeaweedFS, MinIO).
 *   <li>gs://: {@code GCS_SERVICE_ACCOUNT_KEY} (a service-account key's JSON) or {@code
 *       GOOGLE_APPLICATION_CREDENTIALS} (its file), else the metadata server ({@code GCE_METADATA_HOST});
 *       or HMAC keys {@code GCS_HMAC_ACCESS_ID} and {@code GCS_HMAC_SECRET} for the XML API; {@code
 *       GCS_ENDPOINT}.
 *   <li>oss://: {@code OSS_ACCESS_KEY_ID}, {@code OSS_ACCESS_KEY_SECRET}, {@code OSS_SESSION_TOKEN},
 *       {@code OSS_REGION}, {@code OSS_ENDPOINT}.
 * </ul>
 */
public final class LoaderEnv {
    private static final String DEFAULT_HF_ENDPOINT = "https://huggingface.co";

    private final Map<String, String> vars;
    private final boolean system;

    private LoaderEnv(Map<String, String> vars, boolean system) {
        this.vars = Map.copyOf(vars);
        this.system = system;
    }

    /** The process environment. */
    public static LoaderEnv system() {
        return new LoaderEnv(System.getenv(), true);
    }

    /** Exactly these variables, nothing from the process environment. */
    public static LoaderEnv of(Map<String, String> vars) {
        return new LoaderEnv(vars, false);
    }

    /** This environment with one variable set (or removed, when {@code value} is null). */
    public LoaderEnv with(String name, String value) {
        Map<String, String> copy = new HashMap<>(vars);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new LoaderEnv(copy, system);
    }

    /** A variable, when set and not blank. */
    public Optional<String> get(String name) {
        String v = vars.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** Whether this is the process environment (so the AWS SDK's default chain may be used). */
    public boolean isSystem() {
        return system;
    }

    /** The Hub token from {@code HF_TOKEN} or the file {@code HF_TOKEN_PATH} names, if any. */
    public Optional<String> hfToken() throws LoaderException {
        Optional<String> token = get("HF_TOKEN");
        if (token.isPresent()) {
            return token;
        }
        Optional<String> path = get("HF_TOKEN_PATH");
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            String value = Files.readString(Path.of(path.get()), StandardCharsets.UTF_8)
                    .trim();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException e) {
            throw new LoaderException(
                    LoaderException.Reason.INPUT,
                    "cannot read the Hub token file named by HF_TOKEN_PATH (" + path.get() + "): " + e.getMessage());
        }
    }

    /** The Hub's base URL, without a trailing slash. */
    public URI hfEndpoint() {
        String url = get("HF_ENDPOINT").orElse(DEFAULT_HF_ENDPOINT);
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** The S3 endpoint override, if any. */
    public Optional<URI> s3Endpoint() {
        return get("AWS_ENDPOINT_URL_S3").or(() -> get("AWS_ENDPOINT_URL")).map(URI::create);
    }

    public String awsRegion() {
        return get("AWS_REGION").or(() -> get("AWS_DEFAULT_REGION")).orElse("us-east-1");
    }

    public boolean s3PathStyle() {
        return get("AWS_S3_FORCE_PATH_STYLE")
                .map(v -> v.toLowerCase(Locale.ROOT).equals("true"))
                .orElse(false);
    }

    /** The values that must never appear in output. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (String name : List.of(
                "HF_TOKEN",
                "AWS_SECRET_ACCESS_KEY",
                "AWS_SESSION_TOKEN",
                "GCS_SERVICE_ACCOUNT_KEY",
                "GCS_HMAC_SECRET",
                "OSS_ACCESS_KEY_SECRET",
                "OSS_SESSION_TOKEN")) {
            get(name).ifPresent(secrets::add);
        }
        try {
            hfToken().ifPresent(secrets::add);
        } catch (LoaderException e) {
            // An unreadable token file holds nothing to hide.
        }
        return secrets;
    }
}
