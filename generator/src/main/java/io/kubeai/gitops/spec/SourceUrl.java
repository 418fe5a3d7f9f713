package io.kubeai.gitops.spec;

import io.kubeai.gitops.wording.ReaderHints;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed model or adapter URL. KubeAI's schemes: {@code hf://org/repo} (optionally pinned as
 * {@code hf://org/repo@revision}; {@code hf://datasets/org/repo} for training data), {@code s3://bucket/prefix}, {@code gs://}, {@code oss://},
 * {@code pvc://claim/path} and {@code ollama://model:tag}.
 *
 * @param scheme   hf, s3, gs, oss, pvc or ollama
 * @param host     the Hub org/repo, the bucket, the claim name or the Ollama model
 * @param path     the prefix or path inside the bucket or claim, without leading or trailing '/'
 * @param revision the pinned Hub revision, if any
 */
public record SourceUrl(String scheme, String host, String path, Optional<String> revision) {

    private static final Pattern HF =
            Pattern.compile("hf://((?:datasets/)?(?:[A-Za-z0-9][A-Za-z0-9_.-]*/)?[A-Za-z0-9][A-Za-z0-9_.-]*)"
                    + "(?:@([A-Za-z0-9][A-Za-z0-9_./-]*))?");
    private static final Pattern BUCKET = Pattern.compile("(s3|gs|oss)://([a-z0-9][a-z0-9._-]{1,61}[a-z0-9])(/.*)?");
    private static final Pattern PVC = Pattern.compile("pvc://([a-z0-9]([-a-z0-9]*[a-z0-9])?)(/.*)?");
    private static final Pattern OLLAMA = Pattern.compile("ollama://([A-Za-z0-9][A-Za-z0-9_./:-]*)");

    /** Parses {@code url}, or says in one sentence what is wrong with it. */
    public static Result parse(String url) {
        if (url == null || url.isBlank()) {
            return Result.failure("the URL is empty");
        }
        Optional<String> unsafe = UrlRules.problem(url, secretHint(url));
        if (unsafe.isPresent()) {
            return Result.failure(unsafe.get());
        }
        Matcher m = HF.matcher(url);
        if (m.matches()) {
            return Result.ok(new SourceUrl("hf", m.group(1), "", Optional.ofNullable(m.group(2))));
        }
        m = BUCKET.matcher(url);
        if (m.matches()) {
            String path = trimSlashes(m.group(3));
            if (path.contains("//") || path.contains("..")) {
                return Result.failure(ReaderHints.urlPath(url, "'//' or '..'"));
            }
            return Result.ok(new SourceUrl(m.group(1), m.group(2), path, Optional.empty()));
        }
        m = PVC.matcher(url);
        if (m.matches()) {
            String path = trimSlashes(m.group(3));
            if (path.contains("..")) {
                return Result.failure(ReaderHints.urlPath(url, "'..'"));
            }
            return Result.ok(new SourceUrl("pvc", m.group(1), path, Optional.empty()));
        }
        m = OLLAMA.matcher(url);
        if (m.matches()) {
            return Result.ok(new SourceUrl("ollama", m.group(1), "", Optional.empty()));
        }
        int sep = url.indexOf("://");
        if (sep < 0) {
            return Result.failure(ReaderHints.urlWithoutScheme(url));
        }
        String scheme = url.substring(0, sep);
        if (!java.util.Set.of("hf", "s3", "gs", "oss", "pvc", "ollama").contains(scheme)) {
            return Result.failure(ReaderHints.urlScheme(scheme));
        }
        return Result.failure(ReaderHints.urlInvalid(url, scheme, example(scheme)));
    }

    /** The Secret-based setting that holds credentials for the URL's scheme. */
    private static String secretHint(String url) {
        if (url.startsWith("hf://")) {
            return "the Secret named by secretNames.huggingface in kubeai.yaml (key token)";
        }
        return "the Secret named by secretNames.aws in kubeai.yaml (keys accessKeyID and secretAccessKey)";
    }

    private static String example(String scheme) {
        switch (scheme) {
            case "hf":
                return "hf://org/repo or hf://org/repo@revision";
            case "pvc":
                return "pvc://claim-name/path";
            case "ollama":
                return "ollama://model:tag";
            default:
                return scheme + "://bucket/prefix";
        }
    }

    private static String trimSlashes(String s) {
        return s == null ? "" : s.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    /** True for the sources a cache profile can copy: hf, s3, gs and oss. */
    public boolean cacheable() {
        return scheme.equals("hf") || scheme.equals("s3") || scheme.equals("gs") || scheme.equals("oss");
    }

    /** The URL in its canonical spelling, the input of cache keys. */
    public String canonical() {
        String base = scheme + "://" + host + (path.isEmpty() ? "" : "/" + path);
        return revision.map(r -> base + "@" + r).orElse(base);
    }

    /** The last meaningful segment, for readable names: {@code Meta-Llama-3.1-8B-Instruct}. */
    public String lastSegment() {
        String whole = path.isEmpty() ? host : path;
        String segment = whole.substring(whole.lastIndexOf('/') + 1);
        return segment.isEmpty() ? host : segment;
    }

    /** Either a URL or the reason it is not one. */
    public record Result(Optional<SourceUrl> url, String problem) {
        static Result ok(SourceUrl url) {
            return new Result(Optional.of(url), "");
        }

        static Result failure(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }
}
