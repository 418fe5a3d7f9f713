package io.kubeai.gitops.hook;

import io.kubeai.gitops.hook.git.GitCredentials;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@link SpecCommitter} commits, and as whom.
 *
 * @param repoUrl     the Git repository (http, https or file URL)
 * @param branch      the branch to clone, and in {@link CommitRequest.Mode#PUSH} to push to
 * @param path        the GitOps repo's folder inside the Git repository, '/'-separated; "" for its root
 * @param mode        push to {@code branch}, or to {@code pushBranch} for a pull request
 * @param pushBranch  the branch the commit goes to: {@code branch} in push mode, the proposal's otherwise
 * @param authorName  author and committer name
 * @param authorEmail author and committer e-mail
 * @param retry       how to retry a push that lost the race
 * @param credentials HTTP credentials, if the server wants any
 */
public record GitTarget(
        String repoUrl,
        String branch,
        String path,
        CommitRequest.Mode mode,
        String pushBranch,
        String authorName,
        String authorEmail,
        RetryPolicy retry,
        Optional<GitCredentials> credentials) {

    public GitTarget {
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(pushBranch, "pushBranch");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(authorEmail, "authorEmail");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** The same target with the commit going to {@code branch} (push mode) or to another proposal branch. */
    public GitTarget withPushBranch(String branch) {
        return new GitTarget(repoUrl, this.branch, path, mode, branch, authorName, authorEmail, retry, credentials);
    }
}
