package io.kubeai.gitops.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoadRequest;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** awaitComplete / wait: returns when the marker appears, times out naming the loader Job. */
class WaitTest {
    @TempDir
    Path dir;

    @Test
    void awaitComplete_returnsOnceALoadWritesTheMarker() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.write(src.resolve("a.bin"), Peers.bytes(1000, 1));
        Loader loader = new Loader(LoaderEnv.of(java.util.Map.of()), Duration.ofMillis(50));
        CompletableFuture<CompletionMarker> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return loader.awaitComplete(dir.resolve("cache").toString(), Duration.ofSeconds(20));
            } catch (LoaderException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        loader.load(LoadRequest.builder(src.toString(), dir.resolve("cache").toString())
                .env(LoaderEnv.of(java.util.Map.of()))
                .build());
        assertThat(waiting.get(10, TimeUnit.SECONDS).files())
                .extracting(FileEntry::path)
                .containsExactly("a.bin");
    }

    @Test
    void awaitComplete_timesOut_namingTheJob() {
        Loader loader = new Loader(LoaderEnv.of(java.util.Map.of()), Duration.ofMillis(50));
        assertThatThrownBy(() -> loader.awaitComplete(
                        dir.toString(), Duration.ofMillis(300), "load-llama-8b", LoaderListener.NONE))
                .isInstanceOf(LoaderException.class)
                .satisfies(e -> assertThat(((LoaderException) e).reason()).isEqualTo(LoaderException.Reason.TIMEOUT))
                .hasMessageContaining("kubectl logs job/load-llama-8b")
                .hasMessageContaining(".kubeai/complete.json");
    }

    @Test
    void aTornOrForeignMarker_doesNotCount() throws Exception {
        Files.createDirectories(dir.resolve(".kubeai"));
        Files.writeString(dir.resolve(".kubeai/complete.json"), "{\"sour", StandardCharsets.UTF_8);
        Loader loader = new Loader(LoaderEnv.of(java.util.Map.of()), Duration.ofMillis(50));
        assertThat(loader.readMarker(dir.toString())).isNull();
    }

    @Test
    void awaitComplete_onABucket() throws Exception {
        S3TestServer s3 = Peers.s3();
        String bucket = Peers.bucket("wait");
        Loader loader = new Loader(Peers.env(null, s3, null), Duration.ofMillis(50));
        assertThat(loader.readMarker("s3://" + bucket + "/m")).isNull();
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.write(src.resolve("a.bin"), Peers.bytes(1000, 1));
        loader.load(LoadRequest.builder(src.toString(), "s3://" + bucket + "/m")
                .env(Peers.env(null, s3, null))
                .build());
        assertThat(loader.awaitComplete("s3://" + bucket + "/m/", Duration.ofSeconds(5))
                        .totalBytes())
                .isEqualTo(1000);
    }
}
