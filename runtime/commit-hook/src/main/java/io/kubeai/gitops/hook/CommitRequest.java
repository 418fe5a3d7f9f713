package io.kubeai.gitops.hook;

import io.kubeai.gitops.hook.edit.Adapter;
import io.kubeai.gitops.hook.git.GitCredentials;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * What to commit where. Build one with {@link #builder}; every default lives in the builder.
 *
 * @param repoUrl         the Git repository (http, https or file URL)
 * @param branch          the branch to clone, and in {@link Mode#PUSH} to push to
 * @param path            the GitOps repo's folder inside the Git repository, '/'-separated; "" for its root
 * @param model           {@code metadata.name} of the base Model
 * @param adapter         the adapter to append
 * @param mode            push to {@code branch}, or to a new branch for a pull request
 * @param branchTemplate  the new branch's name in {@link Mode#BRANCH}, with placeholders
 * @param messageTemplate the commit message, with placeholders
 * @param authorName      author and committer name
 * @param authorEmail     author and committer e-mail
 * @param trainerImage    the image that trained the adapter, for the message
 * @param retry           how to retry a push that lost the race
 * @param credentials     HTTP credentials, if the server wants any
 */
public record CommitRequest(
        String repoUrl,
        String branch,
        String path,
        String model,
        Adapter adapter,
        Mode mode,
        String branchTemplate,
        String messageTemplate,
        String authorName,
        String authorEmail,
        Optional<String> trainerImage,
        RetryPolicy retry,
        Optional<GitCredentials> credentials) {

    /** Where the commit goes. */
    public enum Mode {
        /** Straight onto the branch that was cloned. */
        PUSH,
        /** Onto a new branch named by the branch template, for a pull request into the cloned branch. */
        BRANCH
    }

    public static final String DEFAULT_BRANCH_TEMPLATE = "kubeai/adapter-{model}-{adapter}";
    public static final String DEFAULT_MESSAGE_TEMPLATE = """
            Add adapter {adapter} to model {model}

            The finetuning job {job} finished and published its adapter to
            {url}

            Model: {model}
            Adapter: {adapter}
            Adapter-URL: {url}
            Trainer-Image: {trainerImage}""";
    public static final String DEFAULT_AUTHOR_NAME = "kubeai-finetune";
    public static final String DEFAULT_AUTHOR_EMAIL = "kubeai-finetune@users.noreply.kubeai.org";

    public CommitRequest {
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(branchTemplate, "branchTemplate");
        Objects.requireNonNull(messageTemplate, "messageTemplate");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(authorEmail, "authorEmail");
        Objects.requireNonNull(trainerImage, "trainerImage");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(credentials, "credentials");
    }

    public static Builder builder(String repoUrl, String branch, String model, Adapter adapter) {
        return new Builder(repoUrl, branch, model, adapter);
    }

    /** Fills in the defaults. */
    public static final class Builder {
        private final String repoUrl;
        private final String branch;
        private final String model;
        private final Adapter adapter;
        private String path = "";
        private Mode mode = Mode.PUSH;
        private String branchTemplate = DEFAULT_BRANCH_TEMPLATE;
        private String messageTemplate = DEFAULT_MESSAGE_TEMPLATE;
        private String authorName = DEFAULT_AUTHOR_NAME;
        private String authorEmail = DEFAULT_AUTHOR_EMAIL;
        private String trainerImage;
        private RetryPolicy retry = RetryPolicy.GIT_PUSH;
        private GitCredentials credentials;

        private Builder(String repoUrl, String branch, String model, Adapter adapter) {
            this.repoUrl = repoUrl;
            this.branch = branch;
            this.model = model;
            this.adapter = adapter;
        }

        public Builder path(String path) {
            this.path = path == null ? "" : path;
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        public Builder branchTemplate(String template) {
            this.branchTemplate = template;
            return this;
        }

        public Builder messageTemplate(String template) {
            this.messageTemplate = template;
            return this;
        }

        public Builder author(String name, String email) {
            this.authorName = name;
            this.authorEmail = email;
            return this;
        }

        public Builder trainerImage(String image) {
            this.trainerImage = image;
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        public Builder credentials(GitCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public CommitRequest build() {
            return new CommitRequest(
                    repoUrl,
                    branch,
                    path,
                    model,
                    adapter,
                    mode,
                    branchTemplate,
                    messageTemplate,
                    authorName,
                    authorEmail,
                    Optional.ofNullable(trainerImage).filter(s -> !s.isBlank()),
                    retry,
                    Optional.ofNullable(credentials));
        }
    }
}
