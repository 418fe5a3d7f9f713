package io.kubeai.gitops.loader.cli;

import io.kubeai.gitops.loader.localbucket.ClusterAccess;
import io.kubeai.gitops.loader.localbucket.CredentialsSecret;
import io.kubeai.gitops.runtime.redact.Redactor;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bucket-credentials SECRET}: fills the local bucket's credentials Secret once, in the cluster. */
@Command(
        name = "bucket-credentials",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Fills the Secret SECRET (in the pod's namespace) with a random S3 key pair for the local bucket",
            "(keys accessKeyID, secretAccessKey, and s3.json for SeaweedFS), unless it holds them already."
        })
final class BucketCredentialsCommand implements Callable<Integer> {
    @ParentCommand
    LoaderMain main;

    @Parameters(index = "0", paramLabel = "SECRET", description = "The Secret's name.")
    String secret;

    @Option(
            names = "--api-server",
            paramLabel = "URL",
            description = "The API server (default https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT).")
    URI apiServer;

    @Option(
            names = "--service-account-dir",
            paramLabel = "DIR",
            description = "The pod's token, namespace and ca.crt (default ${DEFAULT-VALUE}).")
    Path serviceAccountDir = ClusterAccess.SERVICE_ACCOUNT_DIR;

    @Override
    public Integer call() {
        Output output = new Output(main.out, main.err, Output.Mode.TEXT, new Redactor(main.env.secrets()));
        return LoaderMain.guarded(output, () -> {
            ClusterAccess cluster = ClusterAccess.of(main.env, serviceAccountDir, Optional.ofNullable(apiServer));
            new CredentialsSecret(cluster, output::info).ensure(secret);
        });
    }
}
