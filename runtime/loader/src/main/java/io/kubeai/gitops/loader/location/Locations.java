package io.kubeai.gitops.loader.location;

import io.kubeai.gitops.loader.api.LoaderException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Parses the URLs the CLI and the API accept. */
public final class Locations {
    private static final Pattern REPO =
            Pattern.compile("(datasets/)?[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    /** Cloud Storage also allows '_', and dotted names up to 222 characters. */
    private static final Pattern GCS_BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

    private Locations() {}

    /**
     * Parses {@code hf://org/repo}, {@code hf://org/repo@rev}, {@code hf://org/repo?revision=rev},
     * {@code s3://bucket/prefix}, {@code gs://bucket/prefix}, {@code oss://bucket/prefix}, {@code
     * file:///dir} or a plain path.
     */
    public static Location parse(String url) throws LoaderException {
        if (url == null || url.isBlank()) {
            throw invalid(url, "it is empty");
        }
        String u = url.trim();
        if (u.startsWith("hf://")) {
            return hf(u);
        }
        for (BucketLocation.Store store : BucketLocation.Store.values()) {
            if (u.startsWith(store.scheme() + "://")) {
                return bucket(store, u);
            }
        }
        if (u.startsWith("file://")) {
            return new LocalLocation(Path.of(URI.create(u)));
        }
        if (u.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw invalid(u, "the scheme is not supported; use hf://, s3://, gs://, oss:// or a local path");
        }
        try {
            return new LocalLocation(Path.of(u).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            throw invalid(u, e.getMessage());
        }
    }

    private static HfLocation hf(String url) throws LoaderException {
        String rest = url.substring("hf://".length());
        String revision = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String param : rest.substring(q + 1).split("&")) {
                if (param.startsWith("revision=")) {
                    revision = URLDecoder.decode(param.substring("revision=".length()), StandardCharsets.UTF_8);
                } else if (!param.isEmpty()) {
                    throw invalid(url, "unknown parameter '" + param.split("=")[0] + "'; only revision= is accepted");
                }
            }
            rest = rest.substring(0, q);
        }
        int at = rest.indexOf('@');
        if (at >= 0) {
            if (revision != null) {
                throw invalid(url, "give the revision once, with @ or with ?revision=");
            }
            revision = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (!REPO.matcher(rest).matches()) {
            throw invalid(url, "expected hf://org/repo or hf://datasets/org/repo with an optional @revision");
        }
        if (revision != null && (revision.isBlank() || revision.contains(".."))) {
            throw invalid(url, "the revision is empty or malformed");
        }
        return new HfLocation(rest, revision == null ? "main" : revision, revision != null);
    }

    private static BucketLocation bucket(BucketLocation.Store store, String url) throws LoaderException {
        String rest = url.substring(store.scheme().length() + "://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!(store == BucketLocation.Store.GCS ? GCS_BUCKET : BUCKET)
                .matcher(bucket)
                .matches()) {
            throw invalid(url, "'" + bucket + "' is not a valid bucket name");
        }
        while (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (prefix.contains("//") || prefix.contains("/../") || prefix.startsWith("../")) {
            throw invalid(url, "the prefix has empty or '..' segments");
        }
        return new BucketLocation(store, bucket, prefix);
    }

    private static LoaderException invalid(String url, String why) {
        return new LoaderException(LoaderException.Reason.INPUT, "invalid location '" + url + "': " + why);
    }
}
