package io.kubeai.gitops.hook.git;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * HTTP credentials for the GitOps repository. {@link #toString()} never shows the password.
 *
 * @param username the user name; for a token, any name the server accepts
 * @param password the password or token
 */
public record GitCredentials(String username, String password) {

    /** The user name sent with a token when none is given; GitHub and GitLab accept any. */
    public static final String TOKEN_USERNAME = "x-access-token";

    public static Optional<GitCredentials> none() {
        return Optional.empty();
    }

    CredentialsProvider provider() {
        return new UsernamePasswordCredentialsProvider(username, password);
    }

    /** The strings that must never appear in output. */
    public List<String> secrets() {
        return password.isEmpty() ? List.of() : List.of(password);
    }

    @Override
    public String toString() {
        return "GitCredentials[username=" + username + ", password=****]";
    }
}
