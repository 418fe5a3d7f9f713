package io.kubeai.gitops.loader.cli;

import io.kubeai.gitops.loader.Loader;
import io.kubeai.gitops.loader.api.LoadRequest;
import io.kubeai.gitops.loader.api.LoadResult;
import io.kubeai.gitops.runtime.redact.Redactor;
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

/** {@code load SOURCE DEST}. */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Loads a model into a cache and writes DEST/.kubeai/complete.json last.",
            "",
            "SOURCE: hf://org/repo[@revision] (or ?revision=), s3://bucket/prefix or a directory.",
            "DEST:   a directory (a PVC mount) or s3://bucket/prefix.",
            "",
            "Env: HF_TOKEN (or HF_TOKEN_PATH), HF_ENDPOINT,",
            "     AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,",
            "     AWS_REGION, AWS_ENDPOINT_URL, AWS_S3_FORCE_PATH_STYLE=true.",
            ""
        })
final class LoadCommand implements Callable<Integer> {
    @ParentCommand
    LoaderMain main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Where the model is.")
    String source;

    @Parameters(index = "1", paramLabel = "DEST", description = "The cache to fill.")
    String destination;

    @Option(
            names = {"-i", "--include"},
            paramLabel = "GLOB",
            description =
                    "Load only files matching one of these (repeatable). '*' stays within a directory, '**' crosses;"
                            + " a pattern without '/' matches file names at any depth; 'dir/' matches a directory.")
    List<String> includes = new ArrayList<>();

    @Option(
            names = {"-x", "--exclude"},
            paramLabel = "GLOB",
            description = "Skip files matching these (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(
            names = "--all-files",
            description = "For hf:// sources, also load duplicate weight formats (original/, *.pth, pytorch_model*.bin,"
                    + " ...) that are skipped by default when safetensors exist.")
    boolean allFiles;

    @Option(
            names = "--force",
            description = "Load again even if the marker says this source and revision are complete.")
    boolean force;

    @Option(
            names = "--no-fsync",
            description =
                    "Do not force files to disk before writing the marker (for throwaway caches such as emptyDir).")
    boolean noFsync;

    @Mixin
    TransferMixin transfer;

    @Override
    public Integer call() {
        Output output;
        LoadRequest request;
        try {
            output = new Output(main.out, main.err, transfer.mode(), new Redactor(main.env.secrets()));
            request = LoadRequest.builder(source, destination)
                    .includes(includes)
                    .excludes(excludes)
                    .defaultExcludes(!allFiles)
                    .force(force)
                    .fsync(!noFsync)
                    .options(transfer.options())
                    .listener(output)
                    .env(main.env)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return LoaderMain.guarded(output, () -> {
            LoadResult r = new Loader(main.env).load(request);
            output.result(Output.node()
                    .put("alreadyComplete", r.alreadyComplete())
                    .put("revision", r.marker().revision())
                    .put("files", r.marker().files().size())
                    .put("totalBytes", r.marker().totalBytes())
                    .put("bytesTransferred", r.bytesTransferred())
                    .put("seconds", r.elapsed().toMillis() / 1000.0));
        });
    }
}
