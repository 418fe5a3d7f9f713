package io.kubeai.gitops.hook.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.util.FileUtils;

/**
 * A shallow clone of one branch of the GitOps repository in a temporary folder, with the handful of
 * operations the hook needs. Closing it deletes the folder.
 */
public final class GitWorkspace implements AutoCloseable {

    private static final int TIMEOUT_SECONDS = 60;

    private final Git git;
    private final Path dir;
    private final String where;
    private final CredentialsProvider credentials;

    private GitWorkspace(Git git, Path dir, String where, CredentialsProvider credentials) {
        this.git = git;
        this.dir = dir;
        this.where = where;
        this.credentials = credentials;
    }

    /**
     * Clones only the tip of {@code branch} into {@code dir}.
     *
     * @param displayUrl the URL as it may be shown (no user info)
     */
    public static GitWorkspace cloneBranch(
            String url, String displayUrl, String branch, Optional<GitCredentials> credentials, Path dir)
            throws GitFailure {
        CredentialsProvider provider = credentials.map(GitCredentials::provider).orElse(null);
        String where = displayUrl;
        Git git;
        try {
            git = Git.cloneRepository()
                    .setURI(url)
                    .setDirectory(dir.toFile())
                    .setBranch(Constants.R_HEADS + branch)
                    .setBranchesToClone(List.of(Constants.R_HEADS + branch))
                    .setDepth(1)
                    .setNoTags()
                    .setTimeout(TIMEOUT_SECONDS)
                    .setCredentialsProvider(provider)
                    .call();
        } catch (GitAPIException | RuntimeException e) {
            deleteQuietly(dir);
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("remote branch") && message.contains("not found")) {
                throw branchNotFound(where, branch);
            }
            throw GitErrors.classify("cloning", where, e);
        }
        GitWorkspace workspace = new GitWorkspace(git, dir, where, provider);
        try {
            if (git.getRepository().exactRef(Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + branch)
                    == null) {
                workspace.close();
                throw branchNotFound(where, branch);
            }
        } catch (IOException e) {
            workspace.close();
            throw new GitFailure(GitFailure.Reason.OTHER, "cloning " + where + " failed: " + e.getMessage(), e);
        }
        return workspace;
    }

    private static GitFailure branchNotFound(String where, String branch) {
        return new GitFailure(
                GitFailure.Reason.NOT_FOUND,
                "cloning " + where + " failed: branch '" + branch + "' not found; check --branch",
                null);
    }

    /** The work tree: the root of the Git repository. */
    public Path dir() {
        return dir;
    }

    /** The commit the local branch points at. */
    public ObjectId head() throws GitFailure {
        try {
            return git.getRepository().resolve(Constants.HEAD);
        } catch (IOException e) {
            throw new GitFailure(GitFailure.Reason.OTHER, "reading HEAD failed: " + e.getMessage(), e);
        }
    }

    /** Whether the remote has {@code branch}, asked fresh from the server. */
    public boolean remoteHasBranch(String branch) throws GitFailure {
        return remoteBranches().contains(branch);
    }

    /** Every branch of the remote (names without {@code refs/heads/}), asked fresh from the server. */
    public java.util.Set<String> remoteBranches() throws GitFailure {
        try {
            Collection<Ref> refs = git.lsRemote()
                    .setRemote(Constants.DEFAULT_REMOTE_NAME)
                    .setHeads(true)
                    .setTimeout(TIMEOUT_SECONDS)
                    .setCredentialsProvider(credentials)
                    .call();
            java.util.Set<String> names = new java.util.TreeSet<>();
            refs.stream()
                    .map(Ref::getName)
                    .filter(n -> n.startsWith(Constants.R_HEADS))
                    .forEach(n -> names.add(n.substring(Constants.R_HEADS.length())));
            return names;
        } catch (GitAPIException | RuntimeException e) {
            throw GitErrors.classify("listing branches of", where, e);
        }
    }

    /**
     * Fetches the tip of {@code branch} and makes the work tree exactly that commit, dropping any local
     * commit and change. Used to re-apply the edit on top of what another writer pushed.
     */
    public void resetToRemote(String branch) throws GitFailure {
        String tracking = Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + branch;
        try {
            git.fetch()
                    .setRemote(Constants.DEFAULT_REMOTE_NAME)
                    .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + branch + ":" + tracking))
                    .setDepth(1)
                    .setTimeout(TIMEOUT_SECONDS)
                    .setCredentialsProvider(credentials)
                    .call();
            git.reset().setMode(ResetType.HARD).setRef(tracking).call();
            git.clean().setCleanDirectories(true).setForce(true).call();
        } catch (GitAPIException | RuntimeException e) {
            throw GitErrors.classify("fetching " + branch + " from", where, e);
        }
    }

    /**
     * Stages exactly these paths (relative to {@link #dir()}, '/'-separated): additions, changes and
     * deletions under each. Nothing else in the work tree reaches the commit.
     */
    public void stage(List<String> paths) throws GitFailure {
        try {
            for (String path : paths) {
                git.add().addFilepattern(path).call();
                git.add().setUpdate(true).addFilepattern(path).call();
            }
        } catch (GitAPIException | RuntimeException e) {
            throw new GitFailure(GitFailure.Reason.OTHER, "staging " + paths + " failed: " + e.getMessage(), e);
        }
    }

    /** Commits what is staged, unsigned and without hooks, as {@code author} (also the committer). */
    public ObjectId commit(String message, PersonIdent author) throws GitFailure {
        try {
            RevCommit commit = git.commit()
                    .setMessage(message)
                    .setAuthor(author)
                    .setCommitter(author)
                    .setSign(false)
                    .setNoVerify(true)
                    .call();
            return commit.getId();
        } catch (GitAPIException | RuntimeException e) {
            throw new GitFailure(GitFailure.Reason.OTHER, "committing failed: " + e.getMessage(), e);
        }
    }

    /** Pushes the local HEAD to {@code targetBranch} without force and reports how the server answered. */
    public PushOutcome push(String targetBranch) throws GitFailure {
        String remoteRef = Constants.R_HEADS + targetBranch;
        try {
            Iterable<PushResult> results = git.push()
                    .setRemote(Constants.DEFAULT_REMOTE_NAME)
                    .setRefSpecs(new RefSpec(Constants.HEAD + ":" + remoteRef))
                    .setTimeout(TIMEOUT_SECONDS)
                    .setCredentialsProvider(credentials)
                    .call();
            for (PushResult result : results) {
                RemoteRefUpdate update = result.getRemoteUpdate(remoteRef);
                if (update != null) {
                    return PushOutcome.of(update.getStatus(), update.getMessage());
                }
            }
            return PushOutcome.of(RemoteRefUpdate.Status.NOT_ATTEMPTED, "no result for " + remoteRef);
        } catch (GitAPIException | RuntimeException e) {
            throw GitErrors.classify("pushing to", where, e);
        }
    }

    @Override
    public void close() {
        git.close();
        deleteQuietly(dir);
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
        } catch (IOException ignored) {
            // A temp folder left behind does no harm; the pod's file system goes with it.
        }
    }

    @Override
    public String toString() {
        return "GitWorkspace[" + where + " in " + dir + "]";
    }
}
