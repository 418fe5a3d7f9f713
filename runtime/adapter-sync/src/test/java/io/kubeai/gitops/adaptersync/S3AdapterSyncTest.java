package io.kubeai.gitops.adaptersync;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.adaptersync.fakevllm.FakeVllm.Style;
import io.kubeai.gitops.adaptersync.fetch.LoaderFetcher;
import io.kubeai.gitops.adaptersync.reconcile.AdapterStatus;
import io.kubeai.gitops.adaptersync.testing.Await;
import io.kubeai.gitops.adaptersync.testing.ConfigMapDir.Adapter;
import io.kubeai.gitops.adaptersync.testing.SyncHarness;
import io.kubeai.gitops.adaptersync.testing.TestAdapters;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.testing.s3.S3Request;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adapters downloaded for real from the in-process S3 server through the loader library. */
class S3AdapterSyncTest {

    private static S3TestServer s3;

    @TempDir
    Path tmp;

    private SyncHarness h;

    @BeforeAll
    static void startS3() {
        s3 = S3TestServer.start();
        s3.createBucket("adapters").createBucket("cache");
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private SyncHarness harness() {
        h = new SyncHarness(tmp, Style.NEW, new LoaderFetcher(LoaderEnv.of(s3.environment())), b -> {});
        return h;
    }

    private String uploaded(String bucket, String prefix, String name, int bytes) {
        Path dir = TestAdapters.create(tmp.resolve("upload").resolve(bucket), name, bytes);
        TestAdapters.upload(s3, bucket, prefix + name + "/", dir);
        return "s3://" + bucket + "/" + prefix + name;
    }

    @Test
    void adapterInS3_isDownloadedVerifiedAndLoaded() {
        String url = uploaded("adapters", "finetuning/llama/", "support", 300_000);
        harness().configMap.publish("llama", List.of(Adapter.of("support", url)));
        h.startSync();

        h.awaitEngineHas(Set.of("llama_support"));
        Path dir = h.adaptersDir.resolve("support");
        assertThat(TestAdapters.listing(dir)).isEqualTo(TestAdapters.listing(tmp.resolve("upload/adapters/support")));
        assertThat(dir.resolve(".kubeai/complete.json")).isRegularFile();
        h.awaitReady();
    }

    @Test
    void missingS3Prefix_failsAlone_andIsNamedInStatus() {
        String good = uploaded("adapters", "m1/", "good", 10_000);
        harness()
                .configMap
                .publish(
                        "llama",
                        List.of(Adapter.of("good", good), Adapter.of("gone", "s3://adapters/m1/does-not-exist")));
        h.startSync();

        h.awaitEngineHas(Set.of("llama_good"));
        Await.until(
                "gone to be failing",
                Await.DEFAULT,
                () -> h.status().adapter("gone").attempts() >= 1,
                h::describe);
        AdapterStatus gone = h.status().adapter("gone");
        assertThat(gone.state()).isEqualTo(AdapterStatus.State.FAILING);
        assertThat(gone.reason()).startsWith("download failed: ").contains("does-not-exist");
        assertThat(h.readyz())
                .as("the base model serves without the failing adapter")
                .isEqualTo(200);
    }

    @Test
    void s3CachePath_isDownloadedFromInsteadOfTheSource() {
        String cache = uploaded("cache", "models/llama/adapters/", "sarcasm", 50_000);
        s3.clearRequests();
        harness().configMap.publish("llama", List.of(new Adapter("sarcasm", "hf://org/sarcasm", cache)));
        h.startSync();

        h.awaitEngineHas(Set.of("llama_sarcasm"));
        assertThat(s3.requests()).extracting(S3Request::bucket).containsOnly("cache");
        assertThat(h.status().adapter("sarcasm").url()).isEqualTo("hf://org/sarcasm");
    }

    @Test
    void removingAnS3Adapter_unloadsItAndDeletesItsFiles() {
        String a = uploaded("adapters", "m2/", "a", 10_000);
        String b = uploaded("adapters", "m2/", "b", 10_000);
        harness().configMap.publish("llama", List.of(Adapter.of("a", a), Adapter.of("b", b)));
        h.startSync().awaitEngineHas(Set.of("llama_a", "llama_b"));

        h.configMap.publish("llama", List.of(Adapter.of("a", a)));

        h.awaitEngineHas(Set.of("llama_a"));
        Await.until("b's files gone", () -> !Files.exists(h.adaptersDir.resolve("b")));
    }
}
