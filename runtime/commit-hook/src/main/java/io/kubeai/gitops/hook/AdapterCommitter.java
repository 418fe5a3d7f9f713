package io.kubeai.gitops.hook;

import io.kubeai.gitops.hook.CommitRequest.Mode;
import io.kubeai.gitops.hook.edit.EditResult;
import io.kubeai.gitops.hook.edit.ModelFileException;
import io.kubeai.gitops.hook.edit.ModelLocator;
import io.kubeai.gitops.hook.render.Renderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The commit-back hook: append the adapter to its Model in the GitOps repo and commit that with the
 * re-rendered tree, through {@link SpecCommitter} (clone, edit, render, commit, push, retry).
 */
public final class AdapterCommitter {

    private final SpecCommitter committer;
    private final Consumer<String> log;

    public AdapterCommitter(Renderer renderer, Consumer<String> log) {
        this(new SpecCommitter(renderer, log), log);
    }

    public AdapterCommitter(
            Renderer renderer, Consumer<String> log, SpecCommitter.Sleeper sleeper, RandomGenerator random) {
        this(new SpecCommitter(renderer, log, sleeper, random), log);
    }

    private AdapterCommitter(SpecCommitter committer, Consumer<String> log) {
        this.committer = committer;
        this.log = log;
    }

    public CommitOutcome commit(CommitRequest request) throws HookException {
        RepoUrl.check(request.repoUrl());
        Template.validate("--message-template", request.messageTemplate());
        String target = targetBranch(request);
        GitTarget where = new GitTarget(
                request.repoUrl(),
                request.branch(),
                request.path(),
                request.mode(),
                target,
                request.authorName(),
                request.authorEmail(),
                request.retry(),
                request.credentials());
        return committer.commit(where, new AppendAdapter(request, target));
    }

    /** The edit: the adapter appended to its Model's {@code spec.adapters}, every other byte kept. */
    private final class AppendAdapter implements SpecEdit {
        private final CommitRequest request;
        private final String target;

        AppendAdapter(CommitRequest request, String target) {
            this.request = request;
            this.target = target;
        }

        @Override
        public String describe() {
            return "adapter '" + request.adapter().name() + "' for Model '" + request.model() + "' with URL "
                    + request.adapter().url();
        }

        @Override
        public Applied apply(Path root, Path gitopsDir) throws HookException, IOException {
            ModelLocator.Match match = locate(gitopsDir, request, root);
            String file = SpecCommitter.relative(root, match.file());
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
                return new Unchanged("adapter '" + name + "' with this URL is already on Model '" + request.model()
                        + "' (" + file + ":" + present.line() + ") in branch " + request.branch());
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
            log.accept(
                    file + ":" + appended.line() + ": added adapter '" + name + "' to Model '" + request.model() + "'");
            return new Changed(file, Template.render(request.messageTemplate(), values(request, target, file)));
        }
    }

    private static ModelLocator.Match locate(Path gitopsDir, CommitRequest request, Path root)
            throws HookException, IOException {
        ModelLocator.Search search = ModelLocator.search(gitopsDir, request.model());
        String where = SpecCommitter.relative(root, gitopsDir.resolve(ModelLocator.MODELS_DIR));
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
                                    .map(m -> SpecCommitter.relative(root, m.file()) + ":" + m.line())
                                    .toList())
                    + "; keep one definition");
        }
        return search.matches().get(0);
    }

    private static String targetBranch(CommitRequest request) throws HookException {
        if (request.mode() == Mode.PUSH) {
            return SpecCommitter.checkBranchName("--branch", request.branch());
        }
        SpecCommitter.checkBranchName("--branch", request.branch());
        Template.validate("--branch-template", request.branchTemplate());
        return SpecCommitter.checkBranchName(
                "--branch-template", Template.render(request.branchTemplate(), values(request, null, null)));
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
}
