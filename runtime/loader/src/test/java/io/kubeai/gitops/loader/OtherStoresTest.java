package io.kubeai.gitops.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeai.gitops.loader.api.LoadRequest;
import io.kubeai.gitops.loader.api.LoadResult;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.testing.gcs.GcsTestServer;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gs:// and oss:// sources: Cloud Storage's JSON API against {@link GcsTestServer} (service-account
 * keys, the metadata server, faults), and the S3-compatible APIs of OSS and Cloud Storage (HMAC keys)
 * against the in-process s3proxy, which stands in for both.
 */
class OtherStoresTest {
    private static final int MIB = 1 << 20;
    private final S3TestServer s3 = Peers.s3();
    private final byte[] big = Peers.bytes(11 * MIB + 77, 21);
    private final byte[] small = Peers.bytes(3000, 22);
    private GcsTestServer gcs;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        gcs = GcsTestServer.start();
        gcs.put("models", "qwen/model.safetensors", big).put("models", "qwen/config.json", small);
    }

    @AfterEach
    void stop() {
        gcs.close();
    }

    private LoadRequest.Builder request(String source, Path dest, Map<String, String> env) {
        return LoadRequest.builder(source, dest.toString())
                .env(LoaderEnv.of(env))
                .retry(Peers.FAST_RETRY)
                .partSize(4 * MIB)
                .concurrency(4);
    }

    /** The JSON API with no metadata server to ask (a refused port), so no token unless a key is given. */
    private Map<String, String> gcsEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("GCS_ENDPOINT", gcs.endpoint().toString());
        env.put("GCE_METADATA_HOST", "127.0.0.1:1");
        return env;
    }

    private Map<String, String> ossEnv() {
        Map<String, String> aws = s3.environment();
        Map<String, String> env = new HashMap<>();
        env.put("OSS_ACCESS_KEY_ID", aws.get("AWS_ACCESS_KEY_ID"));
        env.put("OSS_ACCESS_KEY_SECRET", aws.get("AWS_SECRET_ACCESS_KEY"));
        env.put("OSS_REGION", "cn-hangzhou");
        env.put("OSS_ENDPOINT", aws.get("AWS_ENDPOINT_URL"));
        return env;
    }

    private void assertLoaded(Path to) throws Exception {
        assertThat(Files.readAllBytes(to.resolve("model.safetensors"))).isEqualTo(big);
        assertThat(Files.readAllBytes(to.resolve("config.json"))).isEqualTo(small);
        assertThat(to.resolve(".kubeai/complete.json")).exists();
    }

    @Test
    void gcsWithAServiceAccountKey_loadsInRangedParts_pinnedToTheListedGeneration() throws Exception {
        gcs.requireAuth(true);
        Map<String, String> env = gcsEnv();
        env.put("GCS_SERVICE_ACCOUNT_KEY", gcs.serviceAccountKey("loader@test-project.iam.gserviceaccount.com"));

        LoadResult r = new Loader().load(request("gs://models/qwen", dir, env).build());

        assertLoaded(dir);
        assertThat(r.marker().source()).isEqualTo("gs://models/qwen");
        assertThat(gcs.tokensIssued()).as("one token, reused for every request").isEqualTo(1);
        assertThat(gcs.requests())
                .filteredOn(q -> q.contains("qwen%2Fmodel.safetensors?alt=media"))
                .hasSize(3)
                .allMatch(q -> q.contains("&generation=") && q.contains(" bytes="));
    }

    @Test
    void gcsWithWorkloadIdentity_getsItsTokenFromTheMetadataServer() throws Exception {
        gcs.requireAuth(true);
        Map<String, String> env = gcsEnv();
        env.put("GCE_METADATA_HOST", gcs.metadataHost());

        new Loader().load(request("gs://models/qwen/", dir, env).build());

        assertLoaded(dir);
        assertThat(gcs.requests()).anyMatch(q -> q.startsWith("GET /computeMetadata/v1/instance/service-accounts"));
    }

    @Test
    void gcsAuthFailures_sayWhichCredentialsToSet() {
        gcs.requireAuth(true);
        assertThatThrownBy(() -> new Loader()
                        .load(request("gs://models/qwen", dir, gcsEnv()).build()))
                .isInstanceOfSatisfying(
                        LoaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTH))
                .hasMessageContaining("Cloud Storage refused the request (HTTP 401)")
                .hasMessageContaining("GCS_SERVICE_ACCOUNT_KEY");

        Map<String, String> unbound = gcsEnv();
        unbound.put("GCE_METADATA_HOST", gcs.metadataHost());
        gcs.metadataHasAccount(false);
        assertThatThrownBy(() -> new Loader()
                        .load(request("gs://models/qwen", dir, unbound).build()))
                .isInstanceOfSatisfying(
                        LoaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTH))
                .hasMessageContaining("Workload Identity");

        Map<String, String> foreignKey = gcsEnv();
        try (GcsTestServer other = GcsTestServer.start()) {
            // A key this server never issued: its token endpoint refuses the signature.
            foreignKey.put(
                    "GCS_SERVICE_ACCOUNT_KEY",
                    other.serviceAccountKey("someone@elsewhere.iam.gserviceaccount.com")
                            .replace(other.endpoint().toString(), gcs.endpoint().toString()));
        }
        assertThatThrownBy(() -> new Loader()
                        .load(request("gs://models/qwen", dir, foreignKey).build()))
                .isInstanceOfSatisfying(
                        LoaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTH))
                .hasMessageContaining("the token endpoint refused the service-account key")
                .hasMessageContaining("invalid_grant");
        assertThat(dir.resolve(".kubeai/complete.json")).doesNotExist();
    }

    @Test
    void gcsServerErrors_areRetried_andPersistentOnesNameTheObject() throws Exception {
        gcs.fail("/o?prefix=", 503, 1).fail("model.safetensors?alt=media", 500, 2);

        new Loader().load(request("gs://models/qwen", dir, gcsEnv()).build());

        assertLoaded(dir);

        Path again = dir.resolve("again");
        gcs.fail("config.json?alt=media", 503, 100);
        assertThatThrownBy(() -> new Loader()
                        .load(request("gs://models/qwen", again, gcsEnv()).build()))
                .isInstanceOfSatisfying(
                        LoaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRANSFER))
                .hasMessageContaining("gs://models/qwen/config.json")
                .hasMessageContaining("HTTP 503");
        assertThat(again.resolve(".kubeai/complete.json")).doesNotExist();
    }

    @Test
    void gcsMissingBucket_isAnInputError_andPagesAreFollowed() throws Exception {
        assertThatThrownBy(() -> new Loader()
                        .load(request("gs://nothing-here/x", dir, gcsEnv()).build()))
                .isInstanceOfSatisfying(
                        LoaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INPUT))
                .hasMessageContaining("the bucket does not exist");

        for (int i = 0; i < 5; i++) {
            gcs.put("paged", "m/part-" + i + ".bin", Peers.bytes(1000 + i, i));
        }
        gcs.pageSize(2);
        new Loader().load(request("gs://paged/m", dir, gcsEnv()).build());

        for (int i = 0; i < 5; i++) {
            assertThat(Files.readAllBytes(dir.resolve("part-" + i + ".bin"))).isEqualTo(Peers.bytes(1000 + i, i));
        }
        assertThat(gcs.requests()).filteredOn(q -> q.contains("/b/paged/o?")).hasSize(3);
    }

    @Test
    void gcsBytesThatDoNotMatchTheStoresCrc32c_areFetchedAgain_thenFail() {
        byte[] rotten = small.clone();
        rotten[100] ^= 1;
        gcs.corrupt("models", "qwen/config.json", rotten);

        assertThatThrownBy(() -> new Loader()
                        .load(request("gs://models/qwen", dir, gcsEnv()).build()))
                .isInstanceOfSatisfying(
                        LoaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.VERIFICATION))
                .hasMessageContaining("crc32c is")
                .hasMessageContaining("the source says");
        assertThat(gcs.requests())
                .filteredOn(q -> q.contains("config.json?alt=media"))
                .hasSize(2);
    }

    @Test
    void gcsAsADestination_needsHmacKeys() {
        assertThatThrownBy(() -> new Loader()
                        .load(LoadRequest.builder(dir.toString(), "gs://models/out")
                                .env(LoaderEnv.of(gcsEnv()))
                                .build()))
                .isInstanceOfSatisfying(
                        LoaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INPUT))
                .hasMessageContaining("GCS_HMAC_ACCESS_ID");
    }

    @Test
    void gcsWithHmacKeys_goesThroughTheXmlApi_bothWays() throws Exception {
        String bucket = Peers.bucket("gcs-xml");
        s3.putObject(bucket, "m/model.safetensors", big).putObject(bucket, "m/config.json", small);
        Map<String, String> aws = s3.environment();
        Map<String, String> env = new HashMap<>();
        env.put("GCS_HMAC_ACCESS_ID", aws.get("AWS_ACCESS_KEY_ID"));
        env.put("GCS_HMAC_SECRET", aws.get("AWS_SECRET_ACCESS_KEY"));
        env.put("GCS_ENDPOINT", aws.get("AWS_ENDPOINT_URL"));

        new Loader().load(request("gs://" + bucket + "/m", dir, env).build());
        assertLoaded(dir);

        new Loader()
                .load(LoadRequest.builder(dir.toString(), "gs://" + bucket + "/copy/")
                        .env(LoaderEnv.of(env))
                        .retry(Peers.FAST_RETRY)
                        .build());
        assertThat(s3.getObject(bucket, "copy/model.safetensors")).isEqualTo(big);
        assertThat(new String(s3.getObject(bucket, "copy/.kubeai/complete.json")))
                .contains("\"source\" : \"" + dir);
    }

    @Test
    void ossThroughItsS3CompatibleApi_loadsAndPublishes() throws Exception {
        String bucket = Peers.bucket("oss");
        s3.putObject(bucket, "qwen/model.safetensors", big).putObject(bucket, "qwen/config.json", small);

        LoadResult r = new Loader()
                .load(request("oss://" + bucket + "/qwen", dir, ossEnv()).build());

        assertLoaded(dir);
        assertThat(r.marker().source()).isEqualTo("oss://" + bucket + "/qwen");
        new Loader()
                .load(LoadRequest.builder(dir.toString(), "oss://" + bucket + "/cache/qwen")
                        .env(LoaderEnv.of(ossEnv()))
                        .retry(Peers.FAST_RETRY)
                        .build());
        assertThat(s3.getObject(bucket, "cache/qwen/model.safetensors")).isEqualTo(big);
    }

    @Test
    void ossWithWrongKeys_orNoRegion_failWithWhatToSet() {
        String bucket = Peers.bucket("oss-auth");
        s3.putObject(bucket, "m/a.bin", small);
        Map<String, String> wrong = ossEnv();
        wrong.put("OSS_ACCESS_KEY_SECRET", "not-the-secret-xyz");
        assertThatThrownBy(() -> new Loader()
                        .load(request("oss://" + bucket + "/m", dir, wrong).build()))
                .isInstanceOfSatisfying(
                        LoaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTH))
                .hasMessageContaining("OSS refused the credentials")
                .hasMessageContaining("OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET")
                .hasMessageContaining("oss://" + bucket + "/m/")
                .message()
                .doesNotContain("not-the-secret-xyz");

        Map<String, String> noRegion = ossEnv();
        noRegion.remove("OSS_REGION");
        assertThatThrownBy(() -> new Loader()
                        .load(request("oss://" + bucket + "/m", dir, noRegion).build()))
                .isInstanceOfSatisfying(
                        LoaderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INPUT))
                .hasMessageContaining("OSS_REGION");
    }
}
