package io.kubeai.gitops.spec;

import io.kubeai.gitops.wording.ReaderHints;
import java.util.Locale;
import java.util.Optional;

/**
 * What no URL in a spec may hold, whatever its scheme. Credentials belong in Secrets, not in Git: a URL
 * with a user and password, a token, or a presigned query string would be committed into rendered/ (and
 * printed by {@code plan --format markdown} into a public pull request). {@code $(} is refused because
 * URLs reach container args, where the kubelet expands {@code $(AWS_SECRET_ACCESS_KEY)} into the request
 * it sends. The problem never quotes the URL: it may be the credential itself.
 */
public final class UrlRules {
    private UrlRules() {}

    /**
     * What is wrong with {@code url}, if anything.
     *
     * @param secretHint where the credential belongs instead, e.g. "the Secret named by secretNames.aws"
     */
    public static Optional<String> problem(String url, String secretHint) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.of(ReaderHints.urlControlCharacter());
            }
        }
        if (url.contains("$(")) {
            return Optional.of(ReaderHints.urlVariable());
        }
        if (hasCredentials(url)) {
            return Optional.of(ReaderHints.urlCredentials(secretHint));
        }
        int query = url.indexOf('?');
        if (query >= 0 || url.contains("#")) {
            String q = query >= 0 ? url.substring(query).toLowerCase(Locale.ROOT) : "";
            boolean signed = q.contains("signature")
                    || q.contains("token")
                    || q.contains("credential")
                    || q.contains("sig=")
                    || q.contains("key");
            return Optional.of(ReaderHints.urlQuery(signed, secretHint));
        }
        return Optional.empty();
    }

    /**
     * A user part before the host: {@code s3://KEY:SECRET@bucket}, {@code https://TOKEN@host},
     * {@code hf://TOKEN@org/repo}. An ssh user alone ({@code ssh://git@host}) is no credential, nor is a
     * Hub revision ({@code hf://org/repo@main}, {@code hf://gpt2@main}).
     */
    private static boolean hasCredentials(String url) {
        int sep = url.indexOf("://");
        if (sep < 0) {
            return false; // scp-like git@host:path: an ssh user, whose key lives elsewhere
        }
        String scheme = url.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = url.substring(sep + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        int at = authority.indexOf('@');
        if (at < 0) {
            return false;
        }
        String user = authority.substring(0, at);
        switch (scheme) {
            case "ssh":
            case "git+ssh":
                return user.contains(":");
            case "hf":
                // org/repo@revision has its '@' after the first '/'; name@revision has no '/' after it.
                return slash >= 0 || user.contains(":") || user.startsWith("hf_");
            default:
                return true;
        }
    }
}
