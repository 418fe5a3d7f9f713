package io.kubeai.gitops.testing.hf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HfTestServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private HfTestServer hub;
    private final byte[] weights = new byte[100_000];

    @BeforeEach
    void start() {
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) (i * 31);
        }
        hub = HfTestServer.start();
        hub.addRepo(
                "org/model",
                Map.of(
                        "config.json",
                        "{}".getBytes(StandardCharsets.UTF_8),
                        "model.safetensors",
                        weights,
                        "original/consolidated.pth",
                        new byte[10]));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void revision_resolvesBranchToCommit() throws IOException {
        JsonNode info = json("/api/models/org/model/revision/main", null);
        assertThat(info.path("sha").asText())
                .isEqualTo(hub.repo("org/model").head())
                .hasSize(40);
    }

    @Test
    void recursiveTree_listsFilesWithSizesAndLfsOids() throws IOException {
        JsonNode tree = json("/api/models/org/model/tree/main?recursive=true", null);
        assertThat(tree)
                .extracting(n -> n.path("path").asText())
                .containsExactly("config.json", "model.safetensors", "original", "original/consolidated.pth");
        JsonNode weightsEntry = tree.get(1);
        assertThat(weightsEntry.path("size").asLong()).isEqualTo(weights.length);
        assertThat(weightsEntry.path("lfs").path("oid").asText())
                .isEqualTo(hub.repo("org/model")
                        .files("main")
                        .get("model.safetensors")
                        .sha256());
        assertThat(tree.get(0).has("lfs")).isFalse();
    }

    @Test
    void treePages_areLinkedWithRelNext() throws IOException {
        hub.treePageSize(2);
        HttpURLConnection c = open("/api/models/org/model/tree/main?recursive=true", null);
        assertThat(c.getHeaderField("Link")).contains("cursor=2").contains("rel=\"next\"");
    }

    @Test
    void resolve_servesRangesAndHead() throws IOException {
        HttpURLConnection c = open("/org/model/resolve/main/model.safetensors", null);
        c.setRequestProperty("Range", "bytes=10-19");
        assertThat(c.getResponseCode()).isEqualTo(206);
        assertThat(c.getHeaderField("Content-Range")).isEqualTo("bytes 10-19/" + weights.length);
        try (InputStream in = c.getInputStream()) {
            assertThat(in.readAllBytes()).containsExactly(java.util.Arrays.copyOfRange(weights, 10, 20));
        }
        HttpURLConnection head = open("/org/model/resolve/main/model.safetensors", null);
        head.setRequestMethod("HEAD");
        assertThat(head.getResponseCode()).isEqualTo(200);
        assertThat(head.getContentLengthLong()).isEqualTo(weights.length);
        assertThat(hub.downloadsOf("model.safetensors"))
                .singleElement()
                .satisfies(r -> assertThat(r.rangeStart()).isEqualTo(10));
    }

    @Test
    void token_isRequiredWhenSet() throws IOException {
        hub.requireToken("hf_secret");
        assertThat(open("/api/models/org/model/revision/main", null).getResponseCode())
                .isEqualTo(401);
        assertThat(open("/api/models/org/model/revision/main", "hf_wrong").getResponseCode())
                .isEqualTo(401);
        assertThat(open("/api/models/org/model/revision/main", "hf_secret").getResponseCode())
                .isEqualTo(200);
    }

    @Test
    void faults_applyToMatchingRequestsTheGivenNumberOfTimes() throws IOException {
        hub.addFault(Fault.tooManyRequests(Duration.ofSeconds(3))
                .onFile("*.safetensors")
                .times(1));
        hub.addFault(Fault.truncateAfter(100).onFile("*.safetensors"));
        HttpURLConnection first = open("/org/model/resolve/main/model.safetensors", null);
        assertThat(first.getResponseCode()).isEqualTo(429);
        assertThat(first.getHeaderField("Retry-After")).isEqualTo("3");
        HttpURLConnection second = open("/org/model/resolve/main/model.safetensors", null);
        assertThat(second.getResponseCode()).isEqualTo(200);
        assertThat(second.getContentLengthLong()).isEqualTo(weights.length);
        try (InputStream in = second.getInputStream()) {
            // The JDK client does not notice a short body; the connection just ends after 100 bytes.
            assertThat(in.readAllBytes()).hasSize(100);
        }
        assertThat(open("/org/model/resolve/main/config.json", null).getResponseCode())
                .isEqualTo(200);
    }

    @Test
    void commitApi_addsRegularAndLfsFiles() throws IOException {
        HfRepo repo = hub.createRepo("org/adapter");
        byte[] lfs = "adapter weights".getBytes(StandardCharsets.UTF_8);
        String oid = java.util.HexFormat.of().formatHex(Blobs.digest("SHA-256").digest(lfs));
        HttpURLConnection put = open("/lfs-upload/" + oid, null);
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        put.getOutputStream().write(lfs);
        assertThat(put.getResponseCode()).isEqualTo(200);
        String ndjson = "{\"key\":\"header\",\"value\":{\"summary\":\"add\"}}\n"
                + "{\"key\":\"file\",\"value\":{\"path\":\"README.md\",\"encoding\":\"base64\",\"content\":\"aGk=\"}}\n"
                + "{\"key\":\"lfsFile\",\"value\":{\"path\":\"adapter.safetensors\",\"algo\":\"sha256\",\"oid\":\""
                + oid
                + "\",\"size\":" + lfs.length + "}}\n";
        HttpURLConnection commit = open("/api/models/org/adapter/commit/main", null);
        commit.setRequestMethod("POST");
        commit.setDoOutput(true);
        commit.getOutputStream().write(ndjson.getBytes(StandardCharsets.UTF_8));
        assertThat(commit.getResponseCode()).isEqualTo(200);
        assertThat(repo.files("main")).containsOnlyKeys("README.md", "adapter.safetensors");
        assertThat(repo.read("main", "README.md")).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        assertThat(repo.files("main").get("adapter.safetensors").lfs()).isTrue();
    }

    private JsonNode json(String path, String token) throws IOException {
        HttpURLConnection c = open(path, token);
        try (InputStream in = c.getInputStream()) {
            return JSON.readTree(in);
        }
    }

    private HttpURLConnection open(String path, String token) throws IOException {
        HttpURLConnection c =
                (HttpURLConnection) URI.create(hub.endpoint() + path).toURL().openConnection();
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        return c;
    }
}
