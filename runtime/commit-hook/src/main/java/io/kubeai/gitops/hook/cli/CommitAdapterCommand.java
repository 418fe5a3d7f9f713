package io.kubeai.gitops.hook.cli;

import io.kubeai.gitops.hook.AdapterCommitter;
import io.kubeai.gitops.hook.CommitOutcome;
import io.kubeai.gitops.hook.CommitRequest;
import io.kubeai.gitops.hook.HookException;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code commit-adapter}: append the adapter to its Model in Git, re-render, commit and push. */
@Command(
        name = "commit-adapter",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Append an adapter to its base Model in the GitOps repo, re-render and push.")
final class CommitAdapterCommand extends HookCommand {

    @Mixin
    CommitOptions options;

    @Option(
            names = "--url",
            required = true,
            paramLabel = "ADAPTER_URL",
            description = "Where the adapter is stored (s3://..., hf://...).")
    String url;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help.")
    boolean help;

    CommitAdapterCommand(HookEnvironment environment) {
        super(environment);
    }

    @Override
    String repoUrl() {
        return options.repoUrl;
    }

    @Override
    int run(Consumer<String> log) throws HookException {
        CommitRequest request = options.toRequest(url, environment);
        return commit(request, environment, log);
    }

    static int commit(CommitRequest request, HookEnvironment environment, Consumer<String> log) throws HookException {
        AdapterCommitter committer =
                new AdapterCommitter(environment.renderer(), log, environment.sleeper(), RandomGenerator.getDefault());
        CommitOutcome outcome = committer.commit(request);
        log.accept(outcome.summary());
        return 0;
    }
}
