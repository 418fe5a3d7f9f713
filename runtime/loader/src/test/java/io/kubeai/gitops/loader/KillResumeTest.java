package io.kubeai.gitops.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.hf.HfTestServer;
import io.kubeai.gitops.testing.hf.RecordedRequest;
import io.kubeai.gitops.testing.s3.S3Request;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader as a real child process, killed with SIGKILL mid-transfer and run again: the second
 * run fetches only what the first did not finish, which the Hub server's request log shows.
 */
class KillResumeTest {
    private static final int PART = 256 << 10;
    private static final int CONCURRENCY = 2;
    private HfTestServer hub;
    private final Map<String, byte[]> files = new TreeMap<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        hub = HfTestServer.start();
        files.put("config.json", Peers.bytes(700, 30));
        files.put("model-00001-of-00002.safetensors", Peers.bytes(6 << 20, 31));
        files.put("model-00002-of-00002.safetensors", Peers.bytes((6 << 20) + 999, 32));
        hub.addRepo("org/model", files);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void killedLoadIntoDirectory_resumesWithRangesForWhatIsMissing() throws Exception {
        Path dest = tmp.resolve("cache");
        String[] args = {
            "load",
            "hf://org/model",
            dest.toString(),
            "--part-size",
            "256KiB",
            "-c",
            String.valueOf(CONCURRENCY),
            "--backoff",
            "10ms",
            "--progress",
            "none"
        };
        hub.throttle(4 << 20);
        Process first = ChildLoader.start(Peers.envVars(hub, null, null), tmp.resolve("run1.log"), args);
        awaitTrue(() -> completedParts(hub.requests()).size() >= 16, 30);
        first.toHandle().destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(dest.resolve(".kubeai/complete.json")).doesNotExist();
        assertThat(dest.resolve(".kubeai/partial")).isDirectory();
        List<RecordedRequest> run1 = hub.requests();
        hub.clearRequests();
        hub.throttle(0);

        Process second = ChildLoader.start(Peers.envVars(hub, null, null), tmp.resolve("run2.log"), args);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue())
                .as(Files.readString(tmp.resolve("run2.log")))
                .isZero();
        List<RecordedRequest> run2 = hub.requests();

        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertThat(Files.readAllBytes(dest.resolve(f.getKey())))
                    .as(f.getKey())
                    .isEqualTo(f.getValue());
        }
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        long fetchedAgain = run2.stream()
                .filter(r -> r.file() != null)
                .mapToLong(RecordedRequest::bodyBytes)
                .sum();
        Set<String> doneBefore = completedParts(run1);
        // The server logs a part once it has written it; up to CONCURRENCY of those were still in the
        // socket, unread, when the loader died; config.json and a short last part count less than a part.
        assertThat(fetchedAgain).isLessThanOrEqualTo(total - (long) (doneBefore.size() - CONCURRENCY - 2) * PART);
        Set<String> askedAgain = run2.stream()
                .filter(r -> r.file() != null && r.method().equals("GET"))
                .map(KillResumeTest::partKey)
                .collect(Collectors.toSet());
        Set<String> overlap = new HashSet<>(doneBefore);
        overlap.retainAll(askedAgain);
        // Only parts in flight at the kill (fully sent, not yet recorded) may be fetched twice.
        assertThat(overlap).hasSizeLessThanOrEqualTo(CONCURRENCY);
        // Together the two runs fetched every part exactly where it was missing.
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            for (long start = 0; start < f.getValue().length; start += PART) {
                String key = f.getKey() + "@" + start;
                assertThat(doneBefore.contains(key) || askedAgain.contains(key))
                        .as(key)
                        .isTrue();
            }
        }
        // Resumed parts are asked for with a Range, never the whole file.
        assertThat(run2)
                .filteredOn(r -> r.file() != null && r.file().endsWith(".safetensors"))
                .allSatisfy(r -> assertThat(r.range()).startsWith("bytes="));
    }

    @Test
    void killedLoadIntoBucket_skipsFilesItFinished() throws Exception {
        // Parts are queued round-robin over files: "small" (2 parts) completes a round before "large" (3).
        Map<String, byte[]> model = new TreeMap<>();
        model.put("small.safetensors", Peers.bytes((5 << 20) + 1, 40));
        model.put("large.safetensors", Peers.bytes(15 << 20, 41));
        hub.addRepo("org/two", model);
        S3TestServer s3 = Peers.s3();
        String bucket = Peers.bucket("resume");
        String[] args = {
            "load",
            "hf://org/two",
            "s3://" + bucket + "/m",
            "--part-size",
            "5MiB",
            "-c",
            "2",
            "--backoff",
            "10ms",
            "--progress",
            "none"
        };
        hub.throttle(3 << 20);
        s3.clearRequests();
        Process first = ChildLoader.start(Peers.envVars(hub, s3, null), tmp.resolve("run1.log"), args);
        awaitTrue(
                () -> s3.requests().stream()
                        .anyMatch(
                                r -> r.operation().equals("COMPLETE") && r.key().equals("m/small.safetensors")),
                30);
        first.toHandle().destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(s3.exists(bucket, "m/.kubeai/complete.json")).isFalse();
        assertThat(s3.exists(bucket, "m/large.safetensors")).isFalse();
        hub.clearRequests();
        hub.throttle(0);

        Process second = ChildLoader.start(Peers.envVars(hub, s3, null), tmp.resolve("run2.log"), args);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue())
                .as(Files.readString(tmp.resolve("run2.log")))
                .isZero();

        assertThat(hub.downloadsOf("small.safetensors")).isEmpty();
        assertThat(hub.downloadsOf("large.safetensors")).isNotEmpty();
        for (Map.Entry<String, byte[]> f : model.entrySet()) {
            assertThat(s3.getObject(bucket, "m/" + f.getKey())).isEqualTo(f.getValue());
        }
        assertThat(s3.exists(bucket, "m/.kubeai/complete.json")).isTrue();
        assertThat(s3.requests()).extracting(S3Request::operation).contains("COMPLETE");
    }

    /** Parts the server sent completely, as file@start. */
    private static Set<String> completedParts(List<RecordedRequest> requests) {
        return requests.stream()
                .filter(r -> r.file() != null && r.method().equals("GET") && r.status() / 100 == 2)
                .filter(r ->
                        r.rangeStart() < 0 ? r.bodyBytes() > 0 : r.bodyBytes() == r.rangeEnd() - r.rangeStart() + 1)
                .map(KillResumeTest::partKey)
                .collect(Collectors.toSet());
    }

    private static String partKey(RecordedRequest r) {
        return r.file() + "@" + Math.max(0, r.rangeStart());
    }

    private static void awaitTrue(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + seconds + "s");
            }
            Thread.sleep(20);
        }
    }
}
