package io.kubeai.gitops.hook.cli;

import io.kubeai.gitops.hook.HookException;
import io.kubeai.gitops.hook.git.GitCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the Git credentials come from: files mounted from the Secret win over environment variables.
 * The password is {@code --password-file}, else {@code GIT_PASSWORD}, else {@code GIT_TOKEN}; the user
 * is {@code --username-file}, else {@code GIT_USERNAME}, else the token user name. No password, no
 * credentials: the clone is anonymous.
 */
public final class Credentials {

    static final String USERNAME_ENV = "GIT_USERNAME";
    static final String PASSWORD_ENV = "GIT_PASSWORD";
    static final String TOKEN_ENV = "GIT_TOKEN";

    private Credentials() {}

    public static Optional<GitCredentials> resolve(Map<String, String> env, Path usernameFile, Path passwordFile)
            throws HookException {
        Optional<String> password = passwordFile != null
                ? Optional.of(read("--password-file", passwordFile))
                : nonEmpty(env.get(PASSWORD_ENV)).or(() -> nonEmpty(env.get(TOKEN_ENV)));
        Optional<String> username = usernameFile != null
                ? Optional.of(read("--username-file", usernameFile))
                : nonEmpty(env.get(USERNAME_ENV));
        return password.filter(p -> !p.isEmpty())
                .map(p -> new GitCredentials(username.orElse(GitCredentials.TOKEN_USERNAME), p));
    }

    private static Optional<String> nonEmpty(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }

    /** A Secret key mounted as a file; the trailing line break editors and `echo` add is not part of it. */
    private static String read(String option, Path file) throws HookException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replaceAll("[\r\n]+$", "");
        } catch (IOException e) {
            throw HookException.user(option + " " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "); is the Secret mounted?");
        }
    }
}
