package io.kubeai.gitops.hook.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/** Reads a bare repository on disk directly: what the server holds after the hook ran. */
public final class BareRepo implements AutoCloseable {

    private final Repository repository;

    public BareRepo(Path gitDir) {
        try {
            this.repository = new FileRepositoryBuilder()
                    .setGitDir(gitDir.toFile())
                    .setMustExist(true)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ObjectId> head(String branch) {
        try {
            return Optional.ofNullable(repository.resolve("refs/heads/" + branch));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits reachable from the branch, newest first. */
    public List<RevCommit> log(String branch) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(head(branch).orElseThrow()));
            List<RevCommit> commits = new ArrayList<>();
            walk.forEach(commits::add);
            return commits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's text at the branch's tip, or empty. */
    public Optional<String> read(String branch, String path) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(head(branch).orElseThrow());
            try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
                if (tree == null) {
                    return Optional.empty();
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                repository.open(tree.getObjectId(0)).copyTo(out);
                return Optional.of(out.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paths a commit changed against its first parent. */
    public List<String> changedPaths(RevCommit commit) {
        try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE);
                RevWalk walk = new RevWalk(repository)) {
            diff.setRepository(repository);
            RevCommit parsed = walk.parseCommit(commit);
            RevCommit parent = walk.parseCommit(parsed.getParent(0));
            return diff.scan(parent.getTree(), parsed.getTree()).stream()
                    .map(e -> e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
