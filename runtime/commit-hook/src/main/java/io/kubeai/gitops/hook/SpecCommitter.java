package io.kubeai.gitops.hook;

import io.kubeai.gitops.hook.CommitRequest.Mode;
import io.kubeai.gitops.hook.git.GitFailure;
import io.kubeai.gitops.hook.git.GitWorkspace;
import io.kubeai.gitops.hook.git.PushOutcome;
import io.kubeai.gitops.hook.render.Renderer;
import io.kubeai.gitops.hook.render.Rendering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * Commits one {@link SpecEdit} to the GitOps repo: clone the branch, apply the edit, re-render, commit,
 * push; and when another writer got there first, fetch, re-apply on the new head and try again, a
 * bounded number of times. Only the edited file and the rendered tree are ever staged, and nothing is
 * pushed when the specs do not render.
 */
public final class SpecCommitter {

    /** Waits between attempts; a test can pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Renderer renderer;
    private final Consumer<String> log;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public SpecCommitter(Renderer renderer, Consumer<String> log) {
        this(renderer, log, d -> Thread.sleep(d.toMillis()), RandomGenerator.getDefault());
    }

    public SpecCommitter(Renderer renderer, Consumer<String> log, Sleeper sleeper, RandomGenerator random) {
        this.renderer = renderer;
        this.log = log;
        this.sleeper = sleeper;
        this.random = random;
    }

    public CommitOutcome commit(GitTarget target, SpecEdit edit) throws HookException {
        RepoUrl.check(target.repoUrl());
        String display = RepoUrl.display(target.repoUrl());
        String subdir = RepoUrl.checkPath(target.path());
        checkBranchName("--branch", target.branch());
        String pushTo =
                checkBranchName(target.mode() == Mode.PUSH ? "--branch" : "--branch-template", target.pushBranch());
        Path dir = tempDir();
        log.accept("cloning " + display + " (branch " + target.branch() + ")");
        try (GitWorkspace workspace =
                GitWorkspace.cloneBranch(target.repoUrl(), display, target.branch(), target.credentials(), dir)) {
            for (int attempt = 1; ; attempt++) {
                if (target.mode() == Mode.BRANCH) {
                    Optional<CommitOutcome> done = existingProposal(workspace, edit, subdir, pushTo, display);
                    if (done.isPresent()) {
                        return done.get();
                    }
                }
                Step step = editRenderCommit(workspace, target, edit, subdir);
                if (step.outcome() != null) {
                    return step.outcome();
                }
                PushOutcome pushed = workspace.push(pushTo);
                switch (pushed.result()) {
                    case PUSHED -> {
                        return new CommitOutcome.Committed(step.commit().name(), pushTo, step.file(), attempt);
                    }
                    case REFUSED ->
                        throw HookException.user("pushing to branch '" + pushTo + "' of " + display
                                + " was refused by the server: " + pushed.detail());
                    case RACE_LOST -> {
                        if (!target.retry().allowsAnotherAfter(attempt)) {
                            throw HookException.user("gave up after " + attempt + " attempts: branch '" + pushTo
                                    + "' of " + display + " kept moving under us (retries exhausted; re-run the hook"
                                    + " or raise --max-attempts)");
                        }
                        Duration wait = target.retry().backoff(attempt, random);
                        log.accept("branch " + pushTo + " moved (" + pushed.detail() + "); retrying in "
                                + wait.toMillis() + " ms on the new head");
                        sleeper.sleep(wait);
                        workspace.resetToRemote(target.branch());
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

    private Step editRenderCommit(GitWorkspace workspace, GitTarget target, SpecEdit edit, String subdir)
            throws HookException, GitFailure, IOException {
        Path gitopsDir = gitopsDir(workspace, subdir);
        SpecEdit.Applied applied = edit.apply(workspace.dir(), gitopsDir);
        if (applied instanceof SpecEdit.Unchanged unchanged) {
            return new Step(null, null, new CommitOutcome.NothingToDo(unchanged.reason()));
        }
        SpecEdit.Changed changed = (SpecEdit.Changed) applied;
        Rendering rendering = render(gitopsDir, subdir);
        workspace.stage(List.of(changed.file(), relative(workspace.dir(), rendering.outputDir())));
        PersonIdent author = new PersonIdent(target.authorName(), target.authorEmail());
        return new Step(workspace.commit(changed.message(), author), changed.file(), null);
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

    /**
     * In branch mode: if the proposal branch exists, it decides. The edit is tried on it: nothing to
     * change means the branch already proposes it; anything else is a branch we must not overwrite.
     */
    private static Optional<CommitOutcome> existingProposal(
            GitWorkspace workspace, SpecEdit edit, String subdir, String pushTo, String display)
            throws HookException, GitFailure, IOException {
        if (!workspace.remoteHasBranch(pushTo)) {
            return Optional.empty();
        }
        workspace.resetToRemote(pushTo);
        SpecEdit.Applied applied;
        try {
            applied = edit.apply(workspace.dir(), gitopsDir(workspace, subdir));
        } catch (HookException e) {
            throw HookException.user("branch '" + pushTo + "': " + e.getMessage());
        }
        if (applied instanceof SpecEdit.Unchanged) {
            return Optional.of(
                    new CommitOutcome.NothingToDo("branch '" + pushTo + "' already proposes " + edit.describe()));
        }
        throw HookException.user("branch '" + pushTo + "' already exists on " + display + " but does not propose "
                + edit.describe() + "; delete the branch or change --branch-template");
    }

    private static Path gitopsDir(GitWorkspace workspace, String subdir) {
        return subdir.isEmpty() ? workspace.dir() : workspace.dir().resolve(subdir);
    }

    static String checkBranchName(String option, String name) throws HookException {
        if (name.isBlank() || !Repository.isValidRefName("refs/heads/" + name)) {
            throw HookException.usage(option + " gives '" + name + "', which is not a valid branch name");
        }
        return name;
    }

    private static HookException fromGit(GitFailure e) {
        HookException.Kind kind = switch (e.reason()) {
            case AUTH_REFUSED, NOT_FOUND, PUSH_REFUSED -> HookException.Kind.USER;
            case UNREACHABLE, OTHER -> HookException.Kind.INTERNAL;
        };
        return new HookException(kind, e.getMessage(), List.of(), e);
    }

    static String relative(Path root, Path file) {
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
