package io.kubeai.gitops.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoadRequest;
import io.kubeai.gitops.loader.api.LoadResult;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.testing.hf.HfTestServer;
import io.kubeai.gitops.testing.s3.S3Fault;
import io.kubeai.gitops.testing.s3.S3Request;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each source and destination pair that involves S3, with S3 faults and credentials. */
class S3PathsTest {
    private static final int MIB = 1 << 20;
    private final S3TestServer s3 = Peers.s3();
    private HfTestServer hub;
    private final byte[] big = Peers.bytes(11 * MIB + 123, 11);
    private final byte[] small = Peers.bytes(4000, 12);
    private String bucket;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        hub = HfTestServer.start();
        hub.addRepo("org/model", Map.of("model.safetensors", big, "config.json", small, "empty.txt", new byte[0]));
        bucket = Peers.bucket("models");
        s3.clearFaults();
    }

    @AfterEach
    void stop() {
        hub.close();
        s3.clearFaults();
    }

    private LoadRequest.Builder request(String source, String dest) {
        return LoadRequest.builder(source, dest)
                .env(Peers.env(hub, s3, null))
                .retry(Peers.FAST_RETRY)
                .partSize(5 * MIB)
                .concurrency(4)
                .progressInterval(Duration.ofMillis(100));
    }

    @Test
    void hubToBucket_streamsThroughMultipartUploads_andWritesTheMarkerLast() throws Exception {
        LoadResult r = new Loader()
                .load(request("hf://org/model", "s3://" + bucket + "/cache/org-model")
                        .build());

        assertThat(s3.getObject(bucket, "cache/org-model/model.safetensors")).isEqualTo(big);
        assertThat(s3.getObject(bucket, "cache/org-model/config.json")).isEqualTo(small);
        assertThat(s3.getObject(bucket, "cache/org-model/empty.txt")).isEmpty();
        assertThat(new String(s3.getObject(bucket, "cache/org-model/.kubeai/complete.json")))
                .contains(r.marker().revision());
        assertThat(s3.requests())
                .filteredOn(q -> q.bucket().equals(bucket) && q.operation().equals("UPLOAD_PART"))
                .hasSize(3);
        S3Request last = s3.requests().stream()
                .filter(q -> q.bucket().equals(bucket) && q.operation().equals("PUT"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.key()).isEqualTo("cache/org-model/.kubeai/complete.json");
        var head = s3.client().headObject(b -> b.bucket(bucket).key("cache/org-model/model.safetensors"));
        assertThat(head.metadata())
                .containsEntry("kubeai-sha256", r.marker().files().get(2).sha256());
    }

    @Test
    void bucketToDirectory_verifiesSingleAndMultipartETags() throws Exception {
        new Loader()
                .load(request("hf://org/model", "s3://" + bucket + "/cache/m").build());
        s3.putObject(bucket, "plain/model.safetensors", big)
                .putObject(bucket, "plain/config.json", small)
                .putObject(bucket, "plain/empty.txt", new byte[0]);

        LoadResult fromCache = new Loader()
                .load(request("s3://" + bucket + "/cache/m", dir.resolve("a").toString())
                        .build());
        LoadResult fromPlain = new Loader()
                .load(request("s3://" + bucket + "/plain/", dir.resolve("b").toString())
                        .build());

        assertThat(Files.readAllBytes(dir.resolve("a/model.safetensors"))).isEqualTo(big);
        assertThat(Files.readAllBytes(dir.resolve("b/model.safetensors"))).isEqualTo(big);
        assertThat(fromCache.marker().files()).isEqualTo(fromPlain.marker().files());
        assertThat(fromPlain.marker().revision()).startsWith("sha256:");
        assertThat(dir.resolve("a/.kubeai/complete.json")).exists();
    }

    @Test
    void aCacheTheLoaderFilled_isCheckedByItsMarkersCrc32c_andPassesItsSha256sOn() throws Exception {
        LoadResult filled = new Loader()
                .load(request("hf://org/model", "s3://" + bucket + "/cache/m").build());
        CRC32C crc = new CRC32C();
        crc.update(big);
        FileEntry weights = filled.marker().files().stream()
                .filter(f -> f.path().equals("model.safetensors"))
                .findFirst()
                .orElseThrow();
        assertThat(weights.crc32c()).isEqualTo(String.format("%08x", crc.getValue()));
        assertThat(new String(s3.getObject(bucket, "cache/m/.kubeai/complete.json")))
                .contains("\"crc32c\" : \"" + weights.crc32c());

        LoadResult copied = new Loader()
                .load(request("s3://" + bucket + "/cache/m", dir.resolve("a").toString())
                        .build());
        assertThat(copied.marker().files()).isEqualTo(filled.marker().files());
        assertThat(dir.resolve("a/model.safetensors")).hasBinaryContent(big);

        byte[] rotten = big.clone();
        rotten[rotten.length / 2] ^= 0x5a;
        s3.putObject(bucket, "cache/m/model.safetensors", rotten);
        assertThatThrownBy(() -> new Loader()
                        .load(request(
                                        "s3://" + bucket + "/cache/m",
                                        dir.resolve("b").toString())
                                .build()))
                .isInstanceOf(LoaderException.class)
                .hasMessageContaining("verification failed twice")
                .hasMessageContaining("crc32c is")
                .hasMessageContaining("the source's marker says " + weights.crc32c());
        assertThat(dir.resolve("b/.kubeai/complete.json")).doesNotExist();
    }

    @Test
    void aUrlNamingOneObject_loadsThatObject_underItsOwnName() throws Exception {
        s3.putObject(bucket, "datasets/sql/train.jsonl", small).putObject(bucket, "datasets/sql/other.jsonl", big);
        Path into = dir.resolve("training");
        LoadResult r = new Loader()
                .load(request("s3://" + bucket + "/datasets/sql/train.jsonl", into.toString())
                        .build());
        assertThat(into.resolve("train.jsonl")).hasBinaryContent(small);
        assertThat(into.resolve("other.jsonl")).doesNotExist();
        assertThat(r.marker().files()).extracting(f -> f.path()).containsExactly("train.jsonl");
    }

    @Test
    void bucketToBucket_andDirectoryToDirectory() throws Exception {
        s3.putObject(bucket, "src/model.safetensors", big);
        new Loader()
                .load(request("s3://" + bucket + "/src", "s3://" + bucket + "/dst")
                        .build());
        assertThat(s3.getObject(bucket, "dst/model.safetensors")).isEqualTo(big);

        Path src = Files.createDirectories(dir.resolve("src/sub"));
        Files.write(src.resolve("x.bin"), small);
        new Loader()
                .load(request(dir.resolve("src").toString(), dir.resolve("dst").toString())
                        .build());
        assertThat(Files.readAllBytes(dir.resolve("dst/sub/x.bin"))).isEqualTo(small);
    }

    @Test
    void s3Faults_resetsAndUnavailable_areRetried() throws Exception {
        s3.putObject(bucket, "f/model.safetensors", big);
        s3.addFault(S3Fault.resetAfter(100_000).onKey("f/model.safetensors").times(2));
        s3.addFault(S3Fault.status(503).on("GET").onKey("f/model.safetensors").times(2));
        Events events = new Events();
        new Loader()
                .load(request("s3://" + bucket + "/f", dir.toString())
                        .listener(events)
                        .build());
        assertThat(Files.readAllBytes(dir.resolve("model.safetensors"))).isEqualTo(big);
        assertThat(events.warnings).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void failedUploads_areRetried_andPersistentOnesLeaveNoMarker() throws Exception {
        String dest = "s3://" + bucket + "/up";
        s3.addFault(S3Fault.status(500).on("UPLOAD_PART").times(2));
        new Loader().load(request("hf://org/model", dest).build());
        assertThat(s3.getObject(bucket, "up/model.safetensors")).isEqualTo(big);

        s3.addFault(S3Fault.status(500).on("UPLOAD_PART").always());
        assertThatThrownBy(() -> new Loader()
                        .load(request("hf://org/model", "s3://" + bucket + "/up2")
                                .build()))
                .hasMessageContaining("uploading part")
                .hasMessageContaining("gave up after 4 attempts");
        assertThat(s3.exists(bucket, "up2/.kubeai/complete.json")).isFalse();
    }

    @Test
    void rerunIntoBucket_skipsObjectsAlreadyVerified() throws Exception {
        String dest = "s3://" + bucket + "/again";
        new Loader().load(request("hf://org/model", dest).build());
        s3.client().deleteObject(b -> b.bucket(bucket).key("again/.kubeai/complete.json"));
        s3.client().deleteObject(b -> b.bucket(bucket).key("again/config.json"));
        s3.clearRequests();
        hub.clearRequests();

        new Loader().load(request("hf://org/model", dest).build());

        assertThat(hub.downloadsOf("model.safetensors")).isEmpty();
        assertThat(hub.downloadsOf("config.json")).hasSize(1);
        assertThat(s3.requests())
                .filteredOn(q -> q.operation().equals("UPLOAD_PART"))
                .isEmpty();
    }

    @Test
    void wrongS3Credentials_failFast_withoutTheSecret() {
        Map<String, String> env = new HashMap<>(Peers.envVars(hub, s3, null));
        env.put("AWS_SECRET_ACCESS_KEY", "very-secret-wrong-key");
        LoadRequest req = LoadRequest.builder("s3://" + bucket + "/x", dir.toString())
                .env(LoaderEnv.of(env))
                .retry(Peers.FAST_RETRY)
                .build();
        assertThatThrownBy(() -> new Loader().load(req))
                .isInstanceOf(LoaderException.class)
                .satisfies(e -> assertThat(((LoaderException) e).reason()).isEqualTo(LoaderException.Reason.AUTH))
                .hasMessageContaining("S3 refused the credentials")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("very-secret-wrong-key"));
    }

    @Test
    void missingBucket_isAnInputError() {
        assertThatThrownBy(() -> new Loader()
                        .load(request("s3://no-such-bucket-here/x", dir.toString())
                                .build()))
                .hasMessageContaining("the bucket does not exist");
    }
}
