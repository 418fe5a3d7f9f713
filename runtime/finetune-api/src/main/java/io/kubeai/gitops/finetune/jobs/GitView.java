package io.kubeai.gitops.finetune.jobs;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.finetune.ApiException;
import io.kubeai.gitops.hook.GitTarget;
import io.kubeai.gitops.hook.RepoUrl;
import io.kubeai.gitops.hook.git.GitFailure;
import io.kubeai.gitops.hook.git.GitWorkspace;
import io.kubeai.gitops.spec.FineTuneJob;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.RepoReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The GitOps repo as status sees it: which FineTuneJobs the branch holds, which adapters each Model
 * has, and which branches exist. Read with the generator's own reader from a shallow clone that is
 * fetched again when the last read is older than the refresh interval.
 */
final class GitView implements AutoCloseable {

    /**
     * One read of the branch.
     *
     * @param jobs     names of the FineTuneJobs in the branch
     * @param adapters adapter names of each Model
     * @param branches every branch of the repository
     */
    record Snapshot(Set<String> jobs, Map<String, Set<String>> adapters, Set<String> branches) {
        boolean hasAdapter(String model, String adapter) {
            return adapters.getOrDefault(model, Set.of()).contains(adapter);
        }
    }

    private final GitTarget target;
    private final Duration refresh;
    private final Clock clock;
    private GitWorkspace workspace;
    private Snapshot last;
    private long lastMillis;

    GitView(GitTarget target, Duration refresh, Clock clock) {
        this.target = target;
        this.refresh = refresh;
        this.clock = clock;
    }

    synchronized Snapshot snapshot() throws ApiException {
        long now = clock.millis();
        if (last != null && now - lastMillis < refresh.toMillis()) {
            return last;
        }
        try {
            if (workspace == null) {
                Path dir = Files.createTempDirectory("kubeai-finetune-api-");
                workspace = GitWorkspace.cloneBranch(
                        target.repoUrl(),
                        RepoUrl.display(target.repoUrl()),
                        target.branch(),
                        target.credentials(),
                        dir);
            } else {
                workspace.resetToRemote(target.branch());
            }
            last = read(workspace.dir().resolve(target.path()), workspace.remoteBranches());
            lastMillis = now;
            return last;
        } catch (GitFailure e) {
            throw ApiException.server("reading the GitOps repo failed: " + e.getMessage());
        } catch (IOException e) {
            throw ApiException.server("reading the GitOps repo failed: " + e.getMessage());
        }
    }

    /** Forgets the last read, so the next one fetches (after this service pushed). */
    synchronized void invalidate() {
        last = null;
    }

    private static Snapshot read(Path gitopsDir, Set<String> branches) throws IOException {
        List<Diagnostic> ignored = new ArrayList<>();
        RepoReader.Repo repo =
                new RepoReader(gitopsDir.toAbsolutePath().normalize(), ignored).read(gitopsDir.resolve("kubeai.yaml"));
        Set<String> jobs = new TreeSet<>();
        repo.fineTuneJobs().stream().map(FineTuneJob::name).forEach(jobs::add);
        Map<String, Set<String>> adapters = new TreeMap<>();
        for (Model model : repo.models()) {
            Set<String> names = adapters.computeIfAbsent(model.name(), m -> new TreeSet<>());
            model.spec().adapters().forEach(a -> names.add(a.name()));
        }
        return new Snapshot(jobs, adapters, branches);
    }

    @Override
    public synchronized void close() {
        if (workspace != null) {
            workspace.close();
        }
    }
}
