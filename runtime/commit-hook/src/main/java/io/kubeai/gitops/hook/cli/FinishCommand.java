package io.kubeai.gitops.hook.cli;

import io.kubeai.gitops.hook.CommitRequest;
import io.kubeai.gitops.hook.HookException;
import io.kubeai.gitops.hook.publish.PublishException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code finish}: the finetuning Job's last step. Publishes the adapter folder to its storage URL,
 * then commits the adapter with that URL. The Git options are checked before the upload starts;
 * without {@code --repo-url} it only publishes.
 */
@Command(
        name = "finish",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Publish the adapter folder to --storage-url, then commit it as commit-adapter --url does.")
final class FinishCommand extends HookCommand {

    @Option(
            names = "--output-dir",
            required = true,
            paramLabel = "DIR",
            description = "Folder the trainer wrote the adapter to.")
    Path outputDir;

    @Option(
            names = "--storage-url",
            required = true,
            paramLabel = "URL",
            description = "Where to publish the adapter (s3://..., hf://...); also the adapter's URL in the Model.")
    String storageUrl;

    @Mixin
    CommitOptions options;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help.")
    boolean help;

    FinishCommand(HookEnvironment environment) {
        super(environment);
    }

    @Override
    String repoUrl() {
        return options.repoUrl;
    }

    @Override
    int run(Consumer<String> log) throws HookException {
        CommitRequest request = options.hasGit() ? options.toRequest(storageUrl, environment) : null;
        if (!Files.isDirectory(outputDir)) {
            throw HookException.user(
                    "--output-dir " + outputDir + " is not a folder; did the trainer write its adapter there?");
        }
        log.accept("publishing " + outputDir + " to " + storageUrl);
        try {
            environment
                    .publisher()
                    .publish(outputDir, storageUrl, "Adapter " + options.adapter + " for model " + options.model, log);
        } catch (PublishException e) {
            throw HookException.user("publishing " + outputDir + " to " + storageUrl + " failed: " + e.getMessage());
        } catch (IOException e) {
            throw HookException.internal(
                    "publishing " + outputDir + " to " + storageUrl + " failed: " + e.getMessage(), e);
        }
        if (request == null) {
            log.accept("no --repo-url: the adapter is published and commit-back is off"
                    + " (finetuning.git in kubeai.yaml turns it on)");
            return 0;
        }
        return CommitAdapterCommand.commit(request, environment, log);
    }
}
