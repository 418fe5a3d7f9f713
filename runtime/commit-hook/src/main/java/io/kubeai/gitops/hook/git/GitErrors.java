package io.kubeai.gitops.hook.git;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/** Turns JGit's exceptions into {@link GitFailure}s with one line a person can act on. */
final class GitErrors {

    // Whole numbers only: a port such as 40123 in the URL must not read as a status.
    private static final Pattern STATUS_401_403 = Pattern.compile("\\b40[13]\\b");
    private static final Pattern STATUS_404 = Pattern.compile("\\b404\\b");

    private GitErrors() {}

    static GitFailure classify(String action, String where, Exception e) {
        String text = messages(e).toLowerCase(Locale.ROOT);
        if (hasCause(e, UnknownHostException.class)) {
            return new GitFailure(GitFailure.Reason.UNREACHABLE, action + " " + where + " failed: unknown host", e);
        }
        if (hasCause(e, ConnectException.class)
                || hasCause(e, NoRouteToHostException.class)
                || hasCause(e, SocketTimeoutException.class)
                || text.contains("connection refused")
                || text.contains("timed out")
                || text.contains("connection reset")) {
            return new GitFailure(
                    GitFailure.Reason.UNREACHABLE,
                    action + " " + where + " failed: the repository is unreachable (" + rootMessage(e) + ")",
                    e);
        }
        if (text.contains("not permitted")) {
            return new GitFailure(
                    GitFailure.Reason.PUSH_REFUSED,
                    action + " " + where
                            + " failed: the server does not let these credentials push; check that they have write access",
                    e);
        }
        if (text.contains("not authorized")
                || text.contains("authentication is required")
                || STATUS_401_403.matcher(text).find()
                || text.contains("forbidden")
                || text.contains("auth fail")) {
            return new GitFailure(
                    GitFailure.Reason.AUTH_REFUSED,
                    action + " " + where + " failed: authentication refused; check the Git credentials"
                            + " (GIT_USERNAME and GIT_PASSWORD or GIT_TOKEN, or --username-file/--password-file)",
                    e);
        }
        if (e instanceof InvalidRemoteException
                || hasCause(e, NoRemoteRepositoryException.class)
                || text.contains("not found")
                || STATUS_404.matcher(text).find()) {
            return new GitFailure(
                    GitFailure.Reason.NOT_FOUND, action + " " + where + " failed: repository not found", e);
        }
        return new GitFailure(GitFailure.Reason.OTHER, action + " " + where + " failed: " + rootMessage(e), e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.lines().findFirst().orElse(message).strip();
    }
}
