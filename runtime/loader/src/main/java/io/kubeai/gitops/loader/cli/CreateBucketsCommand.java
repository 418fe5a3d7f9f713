package io.kubeai.gitops.loader.cli;

import io.kubeai.gitops.loader.localbucket.BucketCreator;
import io.kubeai.gitops.runtime.redact.Redactor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code create-buckets BUCKET...}: the local bucket's bucket-creation Job. */
@Command(
        name = "create-buckets",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Creates each BUCKET through the S3 API (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, ...), leaving those",
            "that exist alone; waits for the store to answer first."
        })
final class CreateBucketsCommand implements Callable<Integer> {
    @ParentCommand
    LoaderMain main;

    @Parameters(arity = "1..*", paramLabel = "BUCKET", description = "The buckets, by name.")
    List<String> buckets;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = Values.DurationConverter.class,
            defaultValue = "10m",
            description = "How long to wait for the store (default 10m).")
    Duration timeout;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            converter = Values.DurationConverter.class,
            defaultValue = "2s",
            description = "How often to try while it does not answer (default 2s).")
    Duration interval;

    @Override
    public Integer call() {
        Output output = new Output(main.out, main.err, Output.Mode.TEXT, new Redactor(main.env.secrets()));
        return LoaderMain.guarded(
                output, () -> new BucketCreator(main.env, timeout, interval, output::info).ensure(buckets));
    }
}
