package io.kubeai.gitops.loader.cli;

import io.kubeai.gitops.loader.Loader;
import io.kubeai.gitops.loader.api.PublishRequest;
import io.kubeai.gitops.loader.api.PublishResult;
import io.kubeai.gitops.runtime.redact.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code publish DIR DEST_URL}. */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Uploads a directory (a finetuned adapter) to s3://bucket/prefix or hf://org/repo[@branch],",
            "verified, with the marker .kubeai/complete.json (on the Hub, in the same commit)."
        })
final class PublishCommand implements Callable<Integer> {
    @ParentCommand
    LoaderMain main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The directory to upload.")
    Path directory;

    @Parameters(index = "1", paramLabel = "DEST_URL", description = "s3://bucket/prefix or hf://org/repo[@branch].")
    String destination;

    @Option(
            names = {"-i", "--include"},
            paramLabel = "GLOB",
            description = "Upload only files matching these.")
    List<String> includes = new ArrayList<>();

    @Option(
            names = {"-x", "--exclude"},
            paramLabel = "GLOB",
            description = "Skip files matching these.")
    List<String> excludes = new ArrayList<>();

    @Option(
            names = {"-m", "--message"},
            paramLabel = "TEXT",
            description = "The Hub commit summary.")
    String message;

    @Option(names = "--public", description = "Create a missing Hub repository as public (default private).")
    boolean makePublic;

    @Mixin
    TransferMixin transfer;

    @Override
    public Integer call() {
        Output output;
        PublishRequest request;
        try {
            output = new Output(main.out, main.err, transfer.mode(), new Redactor(main.env.secrets()));
            PublishRequest.Builder b = PublishRequest.builder(directory, destination)
                    .options(transfer.options())
                    .privateRepo(!makePublic)
                    .listener(output)
                    .env(main.env);
            includes.forEach(b::include);
            excludes.forEach(b::exclude);
            if (message != null) {
                b.commitMessage(message);
            }
            request = b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return LoaderMain.guarded(output, () -> {
            PublishResult r = new Loader(main.env).publish(request);
            output.result(Output.node()
                    .put("destination", r.destination())
                    .put("commit", r.commit())
                    .put("files", r.marker().files().size())
                    .put("bytesUploaded", r.bytesUploaded()));
        });
    }
}
