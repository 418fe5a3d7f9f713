package io.kubeai.gitops.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeai.gitops.loader.api.LoadRequest;
import io.kubeai.gitops.loader.api.LoadResult;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.testing.hf.Fault;
import io.kubeai.gitops.testing.hf.HfTestServer;
import io.kubeai.gitops.testing.hf.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every fault the Hub test server injects either recovers or fails cleanly, without a marker. */
class HubFaultsTest {
    private static final String WEIGHTS = "model.safetensors";
    private static final int PART = 128 << 10;
    private HfTestServer hub;
    private final byte[] weights = Peers.bytes(600_000, 7);
    private final byte[] config = Peers.bytes(500, 8);

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        hub = HfTestServer.start();
        hub.addRepo("org/model", Map.of(WEIGHTS, weights, "config.json", config));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private LoadResult load(Events events) throws LoaderException {
        return new Loader()
                .load(LoadRequest.builder("hf://org/model", dir.toString())
                        .env(Peers.env(hub, null, null))
                        .retry(Peers.FAST_RETRY)
                        .partSize(PART)
                        .concurrency(3)
                        .timeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
                        .listener(events)
                        .build());
    }

    private void assertLoaded() throws Exception {
        assertThat(Files.readAllBytes(dir.resolve(WEIGHTS))).isEqualTo(weights);
        assertThat(Files.readAllBytes(dir.resolve("config.json"))).isEqualTo(config);
        assertThat(dir.resolve(".kubeai/complete.json")).exists();
    }

    private void assertNoMarker() {
        assertThat(dir.resolve(".kubeai/complete.json")).doesNotExist();
    }

    @Test
    void resetMidBody_isRetriedFromWhereItStopped() throws Exception {
        hub.addFault(Fault.resetAfter(50_000).onFile(WEIGHTS).times(2));
        Events events = new Events();
        load(events);
        assertLoaded();
        assertThat(events.warnings)
                .anySatisfy(w -> assertThat(w).startsWith("retrying downloading hf://org/model/" + WEIGHTS));
        // The retry of a cut part asks only for the rest of it.
        assertThat(hub.downloadsOf(WEIGHTS))
                .anySatisfy(r -> assertThat(r.rangeStart() % PART).isEqualTo(50_000));
    }

    @Test
    void truncatedBody_isNoticedAndRetried() throws Exception {
        hub.addFault(Fault.truncateAfter(1000).onFile(WEIGHTS).times(3));
        Events events = new Events();
        load(events);
        assertLoaded();
        assertThat(events.warnings).anySatisfy(w -> assertThat(w).contains("the body ended after 1000 of"));
    }

    @Test
    void serverErrors_onApiAndDownloads_areRetried() throws Exception {
        hub.addFault(Fault.status(500).onPath("/api/**").times(2));
        hub.addFault(Fault.status(503).onFile(WEIGHTS).times(2));
        load(new Events());
        assertLoaded();
    }

    @Test
    void tooManyRequests_waitsForRetryAfter() throws Exception {
        hub.addFault(Fault.tooManyRequests(Duration.ofSeconds(1))
                .onFile("config.json")
                .times(1));
        Events events = new Events();
        long start = System.nanoTime();
        load(events);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(events.warnings)
                .anySatisfy(w ->
                        assertThat(w).contains("in 1.0s, as the server asked").contains("HTTP 429"));
        assertLoaded();
    }

    @Test
    void stalledResponse_timesOutAndIsRetried() throws Exception {
        hub.addFault(Fault.delay(Duration.ofSeconds(2)).onFile("config.json").times(1));
        Events events = new Events();
        load(events);
        assertLoaded();
        assertThat(events.warnings).anySatisfy(w -> assertThat(w).contains("timed out"));
    }

    @Test
    void wrongBytesOnce_areDetectedAndDownloadedAgain() throws Exception {
        hub.addFault(Fault.corruptBody().onFile(WEIGHTS).times(1));
        Events events = new Events();
        load(events);
        assertLoaded();
        assertThat(events.warnings)
                .anySatisfy(w -> assertThat(w)
                        .contains("verification failed for hf://org/model/" + WEIGHTS)
                        .contains("sha256 is")
                        .contains("downloading it again"));
        long fetched = hub.downloadsOf(WEIGHTS).stream()
                .mapToLong(RecordedRequest::bodyBytes)
                .sum();
        assertThat(fetched).isEqualTo(2L * weights.length);
    }

    @Test
    void wrongBytesEveryTime_failTheRunAfterTheSecondMismatch() {
        hub.addFault(Fault.corruptBody().onFile(WEIGHTS).always());
        assertThatThrownBy(() -> load(new Events()))
                .isInstanceOf(LoaderException.class)
                .satisfies(
                        e -> assertThat(((LoaderException) e).reason()).isEqualTo(LoaderException.Reason.VERIFICATION))
                .hasMessageContaining("verification failed twice for hf://org/model/" + WEIGHTS);
        assertNoMarker();
    }

    @Test
    void wrongBytesInAFileOutsideLfs_areCaughtByTheGitBlobId() {
        hub.addFault(Fault.corruptBody().onFile("config.json").always());
        assertThatThrownBy(() -> load(new Events())).hasMessageContaining("git blob id is");
        assertNoMarker();
    }

    @Test
    void persistentServerError_exhaustsRetries_namingFileAndCause() {
        hub.addFault(Fault.status(502).onFile(WEIGHTS).always());
        assertThatThrownBy(() -> load(new Events()))
                .isInstanceOf(LoaderException.class)
                .satisfies(e -> assertThat(((LoaderException) e).reason()).isEqualTo(LoaderException.Reason.TRANSFER))
                .hasMessageContaining("downloading hf://org/model/" + WEIGHTS)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("gave up after 4 attempts");
        assertNoMarker();
    }

    @Test
    void persistentResets_exhaustRetries_andLeaveNoMarker() {
        hub.addFault(Fault.resetAfter(10).onFile(WEIGHTS).always());
        assertThatThrownBy(() -> load(new Events())).hasMessageContaining("gave up after 4 attempts");
        assertNoMarker();
        List<RecordedRequest> tries = hub.downloadsOf(WEIGHTS);
        assertThat(tries).isNotEmpty();
    }
}
