package io.kubeai.gitops.finetune.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeai.gitops.finetune.ApiSettings;
import io.kubeai.gitops.finetune.http.FinetuneApi;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.api.TransferOptions;
import io.kubeai.gitops.loader.http.HttpTransport;
import io.kubeai.gitops.loader.location.BucketLocation.Store;
import io.kubeai.gitops.loader.retry.Retrier;
import io.kubeai.gitops.loader.source.s3.S3Access;
import io.kubeai.gitops.loader.source.s3.S3Settings;
import io.kubeai.gitops.runtime.redact.Redactor;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * The program: settings from the environment (see the README), S3 access exactly as the loader has it
 * ({@code AWS_*}), the cluster from the pod's service account, then serve until stopped. A bad setting
 * is one line on stderr and exit 2. Every line passes a redactor that knows the environment's S3 and Hub
 * credentials (the service's own redactor adds the API keys and the Git password).
 */
public final class FinetuneApiMain {
    private FinetuneApiMain() {}

    public static void main(String[] args) throws Exception {
        Redactor redactor = new Redactor(LoaderEnv.system().secrets());
        ApiSettings settings;
        try {
            settings = ApiSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(redactor.redact("finetune-api: error: " + e.getMessage()));
            System.exit(2);
            return;
        }
        TransferOptions options = TransferOptions.DEFAULTS;
        HttpTransport http = new HttpTransport(options.connectTimeout(), options.readTimeout());
        S3Access s3 = S3Access.create(
                S3Settings.of(Store.S3, LoaderEnv.system()),
                options,
                http,
                new Retrier(options.retry(), LoaderListener.NONE));
        KubernetesClient cluster = new KubernetesClientBuilder().build();
        CountDownLatch stopped = new CountDownLatch(1);
        try (FinetuneApi api = new FinetuneApi(
                settings,
                new InetSocketAddress(settings.port()),
                s3.client(),
                cluster,
                line -> System.out.println(redactor.redact(line)))) {
            System.out.println("finetune-api: listening on port " + api.port() + ", committing to branch "
                    + settings.git().branch() + " ("
                    + settings.git().mode().name().toLowerCase(java.util.Locale.ROOT)
                    + " mode)");
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        } finally {
            cluster.close();
            s3.close();
        }
    }
}
