package io.kubeai.gitops.hook;

import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.transport.URIish;

/** Checks and shows the repository URL and the GitOps folder inside it. */
public final class RepoUrl {

    private RepoUrl() {}

    /** The URL without user info, safe to print. */
    public static String display(String url) {
        try {
            URIish uri = new URIish(url);
            return uri.getUser() == null && uri.getPass() == null
                    ? url
                    : uri.setUser(null).setPass(null).toString();
        } catch (URISyntaxException e) {
            return "<invalid URL>";
        }
    }

    /** A password written into the URL itself, so it can be redacted; empty when none. */
    public static List<String> secrets(String url) {
        List<String> secrets = new ArrayList<>();
        try {
            URIish uri = new URIish(url);
            if (uri.getPass() != null) {
                secrets.add(uri.getPass());
            }
        } catch (URISyntaxException ignored) {
            // An invalid URL is reported by check(); there is nothing to take from it.
        }
        return secrets;
    }

    /** Accepts http, https and file URLs (and local paths); SSH would need a key and a known_hosts. */
    public static void check(String url) throws HookException {
        URIish uri;
        try {
            uri = new URIish(url);
        } catch (URISyntaxException e) {
            throw HookException.usage("--repo-url is not a valid Git URL: " + display(url));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean local = scheme.isEmpty() && uri.getHost() == null;
        if (!local && !scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
            throw HookException.usage("--repo-url " + display(url) + ": only http(s) and file URLs are supported,"
                    + " with credentials from GIT_USERNAME/GIT_PASSWORD or GIT_TOKEN");
        }
    }

    /** Normalizes {@code --path} to a relative '/'-separated folder, "" for the repository root. */
    public static String checkPath(String path) throws HookException {
        String trimmed = path.strip().replace('\\', '/');
        while (trimmed.startsWith("./")) {
            trimmed = trimmed.substring(2);
        }
        if (trimmed.isEmpty() || trimmed.equals(".")) {
            return "";
        }
        Path normalized;
        try {
            normalized = Path.of(trimmed).normalize();
        } catch (InvalidPathException e) {
            throw HookException.usage("--path '" + path + "' is not a valid folder name");
        }
        if (trimmed.startsWith("/")
                || normalized.startsWith("..")
                || normalized.toString().isEmpty()) {
            throw HookException.usage("--path '" + path + "' must be a folder inside the repository");
        }
        return normalized.toString().replace('\\', '/');
    }
}
