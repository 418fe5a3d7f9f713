package io.kubeai.gitops.finetune.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeai.gitops.finetune.ApiSettings;
import io.kubeai.gitops.finetune.files.FileService;
import io.kubeai.gitops.finetune.files.ObjectStore;
import io.kubeai.gitops.finetune.jobs.JobService;
import io.kubeai.gitops.finetune.jobs.TrainingRuns;
import io.kubeai.gitops.runtime.redact.Redactor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The service put together: settings, the files bucket, the GitOps repo and the cluster behind one
 * HTTP server. Every log line goes through a redactor that knows the API keys and Git password.
 */
public final class FinetuneApi implements AutoCloseable {
    private final ApiServer server;
    private final JobService jobs;

    public FinetuneApi(
            ApiSettings settings,
            InetSocketAddress address,
            S3Client s3,
            KubernetesClient cluster,
            Consumer<String> out)
            throws IOException {
        Redactor redactor = new Redactor(settings.secrets());
        Consumer<String> log = line -> out.accept(redactor.redact(line));
        ObjectMapper json = new ObjectMapper();
        ObjectStore store = new ObjectStore(s3, settings.filesUrl());
        Clock clock = Clock.systemUTC();
        FileService files = new FileService(store, json, clock, log);
        this.jobs = new JobService(
                store,
                files,
                settings.git(),
                settings.branchTemplate(),
                settings.gitRefresh(),
                new TrainingRuns(cluster, settings.namespace(), log),
                json,
                clock,
                log);
        this.server = new ApiServer(
                address,
                settings.apiKeys(),
                files,
                jobs,
                json,
                settings.maxUploadBytes(),
                settings.maxRequestBytes(),
                log);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        jobs.close();
    }
}
