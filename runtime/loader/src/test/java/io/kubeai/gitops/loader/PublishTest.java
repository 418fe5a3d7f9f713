package io.kubeai.gitops.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoadRequest;
import io.kubeai.gitops.loader.api.LoadResult;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.PublishRequest;
import io.kubeai.gitops.loader.api.PublishResult;
import io.kubeai.gitops.testing.hf.Fault;
import io.kubeai.gitops.testing.hf.HfRepo;
import io.kubeai.gitops.testing.hf.HfTestServer;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publish DIR to s3:// and hf://, then load it back. */
class PublishTest {
    private HfTestServer hub;
    private final S3TestServer s3 = Peers.s3();
    private final byte[] weights = Peers.bytes(300_000, 21);
    private final byte[] config = "{\"r\":16}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private Path adapter;

    @BeforeEach
    void start() throws Exception {
        hub = HfTestServer.start();
        hub.requireToken("hf_write_token_1");
        adapter = Files.createDirectories(tmp.resolve("adapter"));
        Files.write(adapter.resolve("adapter_model.safetensors"), weights);
        Files.write(adapter.resolve("adapter_config.json"), config);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private PublishRequest.Builder publish(String dest) {
        return PublishRequest.builder(adapter, dest)
                .env(Peers.env(hub, s3, "hf_write_token_1"))
                .retry(Peers.FAST_RETRY)
                .progressInterval(Duration.ofMillis(100));
    }

    @Test
    void publishToBucket_writesFilesAndMarker_andLoadsBack() throws Exception {
        String bucket = Peers.bucket("adapters");
        PublishResult r =
                new Loader().publish(publish("s3://" + bucket + "/ft/job-1").build());
        assertThat(r.marker().files())
                .extracting(FileEntry::path)
                .containsExactly("adapter_config.json", "adapter_model.safetensors");
        assertThat(s3.getObject(bucket, "ft/job-1/adapter_model.safetensors")).isEqualTo(weights);
        assertThat(s3.exists(bucket, "ft/job-1/.kubeai/complete.json")).isTrue();

        Path back = tmp.resolve("back");
        new Loader()
                .load(LoadRequest.builder("s3://" + bucket + "/ft/job-1", back.toString())
                        .env(Peers.env(null, s3, null))
                        .build());
        assertThat(Files.readAllBytes(back.resolve("adapter_model.safetensors")))
                .isEqualTo(weights);
    }

    @Test
    void publishToHub_createsRepo_uploadsLfs_commitsMarker_andLoadsBack() throws Exception {
        PublishResult r = new Loader()
                .publish(publish("hf://me/sarcasm-lora")
                        .commitMessage("finetune job 7")
                        .build());

        HfRepo repo = hub.repo("me/sarcasm-lora");
        assertThat(r.commit()).isEqualTo(repo.head());
        assertThat(repo.files("main"))
                .containsOnlyKeys("adapter_config.json", "adapter_model.safetensors", ".kubeai/complete.json");
        assertThat(repo.files("main").get("adapter_model.safetensors").lfs()).isTrue();
        assertThat(repo.read("main", "adapter_model.safetensors")).isEqualTo(weights);
        assertThat(repo.commitSummaries()).containsExactly("finetune job 7");
        assertThat(hub.requests()).anySatisfy(q -> assertThat(q.path()).startsWith("/lfs-upload/"));

        Path back = tmp.resolve("back");
        LoadResult loaded = new Loader()
                .load(LoadRequest.builder("hf://me/sarcasm-lora", back.toString())
                        .env(Peers.env(hub, null, "hf_write_token_1"))
                        .build());
        assertThat(loaded.marker().files())
                .extracting(FileEntry::path)
                .containsExactly("adapter_config.json", "adapter_model.safetensors");
        assertThat(Files.readAllBytes(back.resolve("adapter_config.json"))).isEqualTo(config);
    }

    @Test
    void republish_isIdempotent_andRemovesFilesNoLongerPublished() throws Exception {
        new Loader().publish(publish("hf://me/lora").build());
        String first = hub.repo("me/lora").head();
        assertThat(new Loader().publish(publish("hf://me/lora").build()).bytesUploaded())
                .isZero();
        assertThat(hub.repo("me/lora").head()).isEqualTo(first);

        Files.delete(adapter.resolve("adapter_config.json"));
        Files.write(adapter.resolve("README.md"), "hi".getBytes(StandardCharsets.UTF_8));
        new Loader().publish(publish("hf://me/lora").build());
        assertThat(hub.repo("me/lora").files("main"))
                .containsOnlyKeys("README.md", "adapter_model.safetensors", ".kubeai/complete.json");
    }

    @Test
    void multipartLfsUploads_andServerErrors_recover() throws Exception {
        hub.lfsMultipartChunkSize(100_000);
        hub.addFault(Fault.status(500).onPath("/api/models/*/*/commit/*").times(1));
        hub.addFault(Fault.status(503).onPath("/lfs-upload/*").times(1));
        new Loader().publish(publish("hf://me/multi").build());
        assertThat(hub.repo("me/multi").read("main", "adapter_model.safetensors"))
                .isEqualTo(weights);
        assertThat(hub.requests())
                .filteredOn(
                        q -> q.path().startsWith("/lfs-upload/") && q.method().equals("PUT") && q.status() == 200)
                .hasSize(3);
    }

    @Test
    void publishToHub_withoutToken_orWithAWrongOne_failsClearly() {
        PublishRequest noToken =
                publish("hf://me/x").env(Peers.env(hub, null, null)).build();
        assertThatThrownBy(() -> new Loader().publish(noToken)).hasMessageContaining("set HF_TOKEN");
        PublishRequest wrong =
                publish("hf://me/x").env(Peers.env(hub, null, "hf_nope_9999")).build();
        assertThatThrownBy(() -> new Loader().publish(wrong))
                .isInstanceOf(LoaderException.class)
                .satisfies(e -> assertThat(((LoaderException) e).reason()).isEqualTo(LoaderException.Reason.AUTH))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hf_nope_9999"));
    }
}
