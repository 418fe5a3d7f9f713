package io.kubeai.gitops.hook.cli;

import io.kubeai.gitops.hook.CommitRequest;
import io.kubeai.gitops.hook.HookException;
import io.kubeai.gitops.hook.edit.Adapter;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options {@code commit-adapter} and {@code finish} share; each is declared once, here. */
final class CommitOptions {

    // Not required by picocli: finish without --repo-url only publishes (commit-back is off).
    @Option(
            names = "--repo-url",
            paramLabel = "URL",
            description =
                    "Git repository holding the GitOps repo (http, https or file); finish without it only publishes.")
    String repoUrl;

    @Option(
            names = "--branch",
            paramLabel = "BRANCH",
            description = "Branch to clone; in push mode also the branch pushed to. Required with --repo-url.")
    String branch;

    @Option(
            names = "--path",
            paramLabel = "SUBDIR",
            defaultValue = "",
            description = "Folder of the GitOps repo inside the Git repository (default: its root).")
    String path;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "metadata.name of the base Model.")
    String model;

    @Option(
            names = "--adapter",
            required = true,
            paramLabel = "NAME",
            description = "Adapter name: the finetuning job's name.")
    String adapter;

    @Option(
            names = "--mode",
            paramLabel = "push|branch",
            defaultValue = "push",
            description =
                    "push: commit onto --branch; branch: onto a new branch for a pull request (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(
            names = "--branch-template",
            paramLabel = "TEMPLATE",
            defaultValue = CommitRequest.DEFAULT_BRANCH_TEMPLATE,
            description = "Name of the new branch in branch mode (default: ${DEFAULT-VALUE}).")
    String branchTemplate;

    @Option(
            names = "--message-template",
            paramLabel = "TEMPLATE",
            description = "Commit message; placeholders {model} {adapter} {job} {url} {trainerImage} {branch} {file}.")
    String messageTemplate;

    @Option(
            names = "--author-name",
            paramLabel = "NAME",
            defaultValue = CommitRequest.DEFAULT_AUTHOR_NAME,
            description = "Commit author and committer name (default: ${DEFAULT-VALUE}).")
    String authorName;

    @Option(
            names = "--author-email",
            paramLabel = "EMAIL",
            defaultValue = CommitRequest.DEFAULT_AUTHOR_EMAIL,
            description = "Commit author and committer e-mail (default: ${DEFAULT-VALUE}).")
    String authorEmail;

    @Option(
            names = "--trainer-image",
            paramLabel = "IMAGE",
            description = "Image that trained the adapter, for the message.")
    String trainerImage;

    @Option(
            names = "--max-attempts",
            paramLabel = "N",
            defaultValue = "" + RetryPolicy.GIT_PUSH_ATTEMPTS,
            description = "Pushes in all when other writers keep moving the branch (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(
            names = "--username-file",
            paramLabel = "FILE",
            description = "File holding the Git user name (overrides GIT_USERNAME).")
    Path usernameFile;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "File holding the Git password or token (overrides GIT_PASSWORD and GIT_TOKEN).")
    Path passwordFile;

    /** Whether any Git option was given: without them {@code finish} only publishes. */
    boolean hasGit() {
        return repoUrl != null || branch != null;
    }

    CommitRequest toRequest(String adapterUrl, HookEnvironment environment) throws HookException {
        if (repoUrl == null) {
            throw HookException.usage("Missing required option: '--repo-url=URL'");
        }
        if (branch == null) {
            throw HookException.usage("Missing required option: '--branch=BRANCH'");
        }
        CommitRequest.Mode parsedMode = switch (mode.toLowerCase(Locale.ROOT)) {
            case "push" -> CommitRequest.Mode.PUSH;
            case "branch" -> CommitRequest.Mode.BRANCH;
            default -> throw HookException.usage("--mode must be push or branch, not '" + mode + "'");
        };
        if (maxAttempts < 1) {
            throw HookException.usage("--max-attempts must be at least 1");
        }
        requireText("--model", model);
        requireText("--adapter", adapter);
        requireText("--branch", branch);
        requireText("--url", adapterUrl);
        CommitRequest.Builder builder = CommitRequest.builder(repoUrl, branch, model, new Adapter(adapter, adapterUrl))
                .path(path)
                .mode(parsedMode)
                .branchTemplate(branchTemplate)
                .author(authorName, authorEmail)
                .trainerImage(trainerImage)
                .retry(environment.retry().withMaxAttempts(maxAttempts));
        if (messageTemplate != null) {
            builder.messageTemplate(messageTemplate.replace("\\n", "\n"));
        }
        Credentials.resolve(environment.env(), usernameFile, passwordFile).ifPresent(builder::credentials);
        return builder.build();
    }

    private static void requireText(String option, String value) throws HookException {
        if (value == null || value.isBlank()) {
            throw HookException.usage(option + " must not be empty");
        }
    }
}
