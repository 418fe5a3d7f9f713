package io.kubeai.gitops.hook;

import io.kubeai.gitops.hook.CommitRequest.Mode;
import io.kubeai.gitops.hook.edit.EditResult;
import io.kubeai.gitops.hook.edit.ModelFileException;
import io.kubeai.gitops.hook.edit.ModelLocator;
import io.kubeai.gitops.hook.git.GitFailure;
import io.kubeai.gitops.hook.git.GitWorkspace;
import io.kubeai.gitops.hook.git.PushOutcome;
import io.kubeai.gitops.hook.render.Renderer;
import io.kubeai.gitops.hook.render.Rendering;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * The commit-back hook: clone the branch, append the adapter to its Model, re-render, commit, push;
 * and when another writer got there first, fetch, re-apply on the new head and try again, a bounded
 * number of times. Only the Model file and the rendered tree are ever staged.
 */
public final class AdapterCommitter {

    /** Waits between attempts; a test can pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Renderer renderer;
    private final Consumer<String> log;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public AdapterCommitter(Renderer renderer, Consumer<String> log) {
        this(renderer, log, d -> Thread.sleep(d.toMillis()), RandomGenerator.getDefault());
    }

    public AdapterCommitter(Renderer renderer, Consumer<String> log, Sleeper sleeper, RandomGenerator random) {
        this.renderer = renderer;
        this.log = log;
        this.sleeper = sleeper;
        this.random = random;
    }

    public CommitOutcome commit(CommitRequest request) throws HookException {
        RepoUrl.check(request.repoUrl());
        String display = RepoUrl.display(request.repoUrl());
        String subdir = RepoUrl.checkPath(request.path());
        Template.validate("--message-template", request.messageTemplate());
        String target = targetBranch(request);
        Path dir = tempDir();
        log.accept("cloning " + display + " (branch " + request.branch() + ")");
        try (GitWorkspace workspace =
                GitWorkspace.cloneBranch(request.repoUrl(), display, request.branch(), request.credentials(), dir)) {
            for (int attempt = 1; ; attempt++) {
                if (request.mode() == Mode.BRANCH) {
                    Optional<CommitOutcome> done = existingProposal(workspace, request, subdir, target);
                    if (done.isPresent()) {
                        return done.get();
                    }
                }
                Step step = editRenderCommit(workspace, request, subdir, target);
                if (step.outcome() != null) {
                    return step.outcome();
                }
                PushOutcome pushed = workspace.push(target);
                switch (pushed.result()) {
                    case PUSHED -> {
                        return new CommitOutcome.Committed(step.commit().name(), target, step.file(), attempt);
                    }
                    case REFUSED ->
                        throw HookException.user("pushing to branch '" + target + "' of " + display
                                + " was refused by the server: " + pushed.detail());
                    case RACE_LOST -> {
                        if (attempt >= request.retry().maxAttempts()) {
                            throw HookException.user("gave up after " + attempt + " attempts: branch '" + target
                                    + "' of " + display + " kept moving under us (retries exhausted; re-run the hook"
                                    + " or raise --max-attempts)");
                        }
                        Duration wait = request.retry().delayAfter(attempt, random);
                        log.accept("branch " + target + " moved (" + pushed.detail() + "); retrying in "
                                + wait.toMillis() + " ms on the new head");
                        sleeper.sleep(wait);
                        workspace.resetToRemote(request.branch());
                    }
                    default -> throw new IllegalStateException(pushed.result().name());
                }
            }
        } catch (GitFailure e) {
            throw fromGit(e);
        } catch (IOException e) {
            throw HookException.internal("I/O error: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HookException.internal("interrupted while waiting to retry", e);
        }
    }

    /** One attempt's local work: either a commit to push, or a final outcome. */
    private record Step(ObjectId commit, String file, CommitOutcome outcome) {}

    private Step editRenderCommit(GitWorkspace workspace, CommitRequest request, String subdir, String target)
            throws HookException, GitFailure, IOException {
        Path gitopsDir = subdir.isEmpty() ? workspace.dir() : workspace.dir().resolve(subdir);
        ModelLocator.Match match = locate(gitopsDir, request, workspace.dir());
        String file = relative(workspace.dir(), match.file());
        EditResult result;
        try {
            result = match.content().appendAdapter(request.model(), request.adapter());
        } catch (ModelFileException e) {
            throw HookException.user(file + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
        } catch (IllegalStateException e) {
            throw HookException.internal(file + ": " + e.getMessage(), e);
        }
        String name = request.adapter().name();
        if (result instanceof EditResult.AlreadyPresent present) {
            return new Step(
                    null,
                    file,
                    new CommitOutcome.NothingToDo("adapter '" + name + "' with this URL is already on"
                            + " Model '" + request.model() + "' (" + file + ":" + present.line() + ") in branch "
                            + request.branch()));
        }
        if (result instanceof EditResult.Conflict conflict) {
            throw HookException.user(file + ":" + conflict.line() + ": adapter '" + name + "' of Model '"
                    + request.model() + "' already points at " + conflict.existingUrl()
                    + "; refusing to replace it with " + request.adapter().url()
                    + " (give the job another name, or remove the old entry first)");
        }
        if (!(result instanceof EditResult.Appended appended)) {
            throw HookException.internal("Model '" + request.model() + "' vanished from " + file, null);
        }
        Files.writeString(match.file(), appended.text(), StandardCharsets.UTF_8);
        log.accept(file + ":" + appended.line() + ": added adapter '" + name + "' to Model '" + request.model() + "'");
        Rendering rendering = render(gitopsDir, subdir);
        workspace.stage(List.of(file, relative(workspace.dir(), rendering.outputDir())));
        String message = Template.render(request.messageTemplate(), values(request, target, file));
        PersonIdent author = new PersonIdent(request.authorName(), request.authorEmail());
        return new Step(workspace.commit(message, author), file, null);
    }

    private ModelLocator.Match locate(Path gitopsDir, CommitRequest request, Path root)
            throws HookException, IOException {
        ModelLocator.Search search = ModelLocator.search(gitopsDir, request.model());
        String where = relative(root, gitopsDir.resolve(ModelLocator.MODELS_DIR));
        if (search.matches().isEmpty()) {
            String unreadable = search.unreadable().isEmpty()
                    ? ""
                    : " (" + search.unreadable().size() + " file(s) could not be read, the first: "
                            + search.unreadable().get(0) + ")";
            throw HookException.user("Model '" + request.model() + "' not found in " + where + "/ of "
                    + RepoUrl.display(request.repoUrl()) + " (branch " + request.branch() + ")" + unreadable
                    + "; check --model and --path");
        }
        if (search.matches().size() > 1) {
            throw HookException.user("Model '" + request.model() + "' is defined more than once: "
                    + String.join(
                            ", ",
                            search.matches().stream()
                                    .map(m -> relative(root, m.file()) + ":" + m.line())
                                    .toList())
                    + "; keep one definition");
        }
        return search.matches().get(0);
    }

    private Rendering render(Path gitopsDir, String subdir) throws HookException, IOException {
        Rendering rendering;
        try {
            rendering = renderer.render(gitopsDir);
        } catch (RuntimeException e) {
            throw HookException.internal("re-rendering failed: " + e, e);
        }
        rendering.warnings().forEach(log);
        if (rendering.failed()) {
            throw new HookException(
                    HookException.Kind.USER,
                    "re-rendering " + (subdir.isEmpty() ? "the repo" : subdir) + " failed with "
                            + rendering.errors().size() + " error(s); nothing was pushed",
                    rendering.errors(),
                    null);
        }
        return rendering;
    }

    /** In branch mode: if the proposal branch exists, it decides; the workspace goes back to the base. */
    private Optional<CommitOutcome> existingProposal(
            GitWorkspace workspace, CommitRequest request, String subdir, String target)
            throws HookException, GitFailure, IOException {
        if (!workspace.remoteHasBranch(target)) {
            return Optional.empty();
        }
        workspace.resetToRemote(target);
        Path gitopsDir = subdir.isEmpty() ? workspace.dir() : workspace.dir().resolve(subdir);
        ModelLocator.Match match = locate(gitopsDir, request, workspace.dir());
        EditResult result;
        try {
            result = match.content().appendAdapter(request.model(), request.adapter());
        } catch (ModelFileException e) {
            throw HookException.user("branch '" + target + "': " + e.getMessage());
        }
        if (result instanceof EditResult.AlreadyPresent) {
            return Optional.of(new CommitOutcome.NothingToDo("branch '" + target + "' already proposes adapter '"
                    + request.adapter().name() + "' for Model '" + request.model() + "'"));
        }
        throw HookException.user("branch '" + target + "' already exists on " + RepoUrl.display(request.repoUrl())
                + " but does not propose adapter '" + request.adapter().name() + "' with URL "
                + request.adapter().url() + "; delete the branch or change --branch-template");
    }

    private static String targetBranch(CommitRequest request) throws HookException {
        if (request.mode() == Mode.PUSH) {
            return checkBranchName("--branch", request.branch());
        }
        checkBranchName("--branch", request.branch());
        Template.validate("--branch-template", request.branchTemplate());
        return checkBranchName(
                "--branch-template", Template.render(request.branchTemplate(), values(request, null, null)));
    }

    private static String checkBranchName(String option, String name) throws HookException {
        if (name.isBlank() || !Repository.isValidRefName("refs/heads/" + name)) {
            throw HookException.usage(option + " gives '" + name + "', which is not a valid branch name");
        }
        return name;
    }

    private static Map<String, Optional<String>> values(CommitRequest request, String target, String file) {
        return Map.of(
                "model", Optional.of(request.model()),
                "adapter", Optional.of(request.adapter().name()),
                "job", Optional.of(request.adapter().name()),
                "url", Optional.of(request.adapter().url()),
                "trainerImage", request.trainerImage(),
                "branch", Optional.ofNullable(target),
                "file", Optional.ofNullable(file));
    }

    private static HookException fromGit(GitFailure e) {
        HookException.Kind kind = switch (e.reason()) {
            case AUTH_REFUSED, NOT_FOUND, PUSH_REFUSED -> HookException.Kind.USER;
            case UNREACHABLE, OTHER -> HookException.Kind.INTERNAL;
        };
        return new HookException(kind, e.getMessage(), List.of(), e);
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static Path tempDir() throws HookException {
        try {
            return Files.createTempDirectory("kubeai-commit-hook-");
        } catch (IOException e) {
            throw HookException.internal("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }
}
