package io.kubeai.gitops.loader.cli;

import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.transfer.WaitRun;
import io.kubeai.gitops.runtime.redact.Redactor;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wait DEST}. */
@Command(
        name = "wait",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Blocks until DEST/.kubeai/complete.json exists: the init container of a serving pod.",
            "Exits 1 on timeout, naming the loader Job to look at."
        })
final class WaitCommand implements Callable<Integer> {
    @ParentCommand
    LoaderMain main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEST", description = "The cache: a directory or s3://bucket/prefix.")
    String destination;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = Values.DurationConverter.class,
            defaultValue = "1h",
            description = "How long to wait (default 1h).")
    Duration timeout;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            converter = Values.DurationConverter.class,
            defaultValue = "2s",
            description = "How often to look (default 2s).")
    Duration interval;

    @Option(
            names = "--job",
            paramLabel = "NAME",
            description = "The loader Job that fills DEST, for the timeout message.")
    String job;

    @Option(
            names = "--source",
            paramLabel = "URL",
            description = "Accept only a marker for this source (any revision), not one left by another model.")
    String source;

    @Option(
            names = "--progress",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Log format: text, json or none (default text).")
    String progress;

    @Override
    public Integer call() {
        Output output;
        try {
            Output.Mode mode = switch (progress) {
                case "text" -> Output.Mode.TEXT;
                case "json" -> Output.Mode.JSON;
                case "none" -> Output.Mode.NONE;
                default -> throw new IllegalArgumentException("--progress must be text, json or none");
            };
            if (timeout.isNegative() || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("--timeout and --interval must be positive");
            }
            output = new Output(main.out, main.err, mode, new Redactor(main.env.secrets()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return LoaderMain.guarded(output, () -> {
            CompletionMarker m = new WaitRun(destination, timeout, interval, job, source, main.env, output).execute();
            output.result(Output.node().put("source", m.source()).put("revision", m.revision()));
        });
    }
}
