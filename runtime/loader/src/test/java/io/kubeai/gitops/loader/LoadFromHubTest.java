package io.kubeai.gitops.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoadRequest;
import io.kubeai.gitops.loader.api.LoadResult;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.testing.hf.HfRepo;
import io.kubeai.gitops.testing.hf.HfTestServer;
import io.kubeai.gitops.testing.hf.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hf:// to a directory: listing, selection, verification, idempotency, auth. */
class LoadFromHubTest {
    private HfTestServer hub;
    private HfRepo repo;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        hub = HfTestServer.start();
        files.put("config.json", "{\"model_type\":\"llama\"}".getBytes(StandardCharsets.UTF_8));
        files.put("tokenizer.json", Peers.bytes(3000, 1));
        files.put("model-00001-of-00002.safetensors", Peers.bytes(700_000, 2));
        files.put("model-00002-of-00002.safetensors", Peers.bytes(300_001, 3));
        files.put("original/consolidated.00.pth", Peers.bytes(1000, 4));
        files.put("pytorch_model.bin", Peers.bytes(1000, 5));
        files.put("empty.txt", new byte[0]);
        repo = hub.addRepo("org/model", files);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private LoadRequest.Builder request(String source, Path dest) {
        return LoadRequest.builder(source, dest.toString())
                .env(Peers.env(hub, null, null))
                .retry(Peers.FAST_RETRY)
                .partSize(128 << 10)
                .concurrency(4)
                .progressInterval(Duration.ofMillis(50));
    }

    @Test
    void datasetRepo_loadsThroughTheDatasetsApi() throws Exception {
        byte[] rows = "{\"prompt\":\"a\",\"completion\":\"b\"}\n".getBytes(StandardCharsets.UTF_8);
        hub.addRepo("datasets/acme/sql-pairs", Map.of("train.jsonl", rows));

        LoadResult result =
                new Loader().load(request("hf://datasets/acme/sql-pairs", dir).build());

        assertThat(dir.resolve("train.jsonl")).hasBinaryContent(rows);
        assertThat(result.marker().source()).isEqualTo("hf://datasets/acme/sql-pairs");
        assertThat(hub.requests()).anySatisfy(r -> assertThat(r.toString()).contains("/api/datasets/acme/sql-pairs/"));
    }

    @Test
    void load_writesVerifiedFilesAndMarkerLast_skippingDuplicateWeights() throws Exception {
        Events events = new Events();
        LoadResult result = new Loader()
                .load(request("hf://org/model", dir).listener(events).build());

        assertThat(result.alreadyComplete()).isFalse();
        assertThat(result.skipped()).containsExactly("original/consolidated.00.pth", "pytorch_model.bin");
        assertThat(events.infos)
                .anySatisfy(m -> assertThat(m)
                        .contains("skipping 2 file(s), duplicate weight formats")
                        .contains("original/consolidated.00.pth"));
        for (String path : java.util.List.of(
                "config.json",
                "empty.txt",
                "tokenizer.json",
                "model-00001-of-00002.safetensors",
                "model-00002-of-00002.safetensors")) {
            assertThat(Files.readAllBytes(dir.resolve(path))).isEqualTo(files.get(path));
        }
        assertThat(dir.resolve("original")).doesNotExist();
        CompletionMarker marker = result.marker();
        assertThat(marker.source()).isEqualTo("hf://org/model");
        assertThat(marker.revision()).isEqualTo(repo.head());
        assertThat(marker.files())
                .extracting(FileEntry::path)
                .containsExactly(
                        "config.json",
                        "empty.txt",
                        "model-00001-of-00002.safetensors",
                        "model-00002-of-00002.safetensors",
                        "tokenizer.json");
        assertThat(marker.files()).allSatisfy(f -> assertThat(f.sha256()).isEqualTo(sha256(files.get(f.path()))));
        String json = Files.readString(dir.resolve(".kubeai/complete.json"));
        assertThat(json).contains("\"revision\" : \"" + repo.head() + "\"").contains("\"sha256\"");
        assertThat(dir.resolve(".kubeai/partial")).doesNotExist();
        assertThat(events.progress).isNotEmpty();
        // Large files came in ranged parts.
        assertThat(hub.downloadsOf("model-00001-of-00002.safetensors"))
                .hasSize(6)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(206));
    }

    @Test
    void secondLoad_ofSameRevision_returnsAtOnceWithoutDownloading() throws Exception {
        new Loader().load(request("hf://org/model", dir).build());
        hub.clearRequests();
        LoadResult again = new Loader().load(request("hf://org/model@main", dir).build());
        assertThat(again.alreadyComplete()).isTrue();
        assertThat(again.bytesTransferred()).isZero();
        assertThat(hub.requests())
                .extracting(RecordedRequest::path)
                .containsExactly("/api/models/org/model/revision/main");
    }

    @Test
    void pinnedCommit_needsNoRequestAtAllWhenComplete() throws Exception {
        String commit = repo.head();
        new Loader().load(request("hf://org/model@" + commit, dir).build());
        hub.clearRequests();
        assertThat(new Loader()
                        .load(request("hf://org/model?revision=" + commit, dir).build())
                        .alreadyComplete())
                .isTrue();
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void newRevision_reloadsOnlyChangedFiles_andRemovesFilesItNoLongerHas() throws Exception {
        new Loader().load(request("hf://org/model", dir).build());
        repo.file("config.json", "{\"model_type\":\"llama\",\"v\":2}".getBytes(StandardCharsets.UTF_8));
        repo.remove("tokenizer.json");
        String v2 = repo.commit("v2");
        hub.clearRequests();

        LoadResult r = new Loader().load(request("hf://org/model", dir).build());

        assertThat(r.marker().revision()).isEqualTo(v2);
        assertThat(hub.requests())
                .filteredOn(q -> q.file() != null)
                .extracting(RecordedRequest::file)
                .containsOnly("config.json");
        assertThat(dir.resolve("tokenizer.json")).doesNotExist();
        assertThat(Files.readString(dir.resolve("config.json"))).contains("\"v\":2");
    }

    @Test
    void revisionByTag_andPaginatedTree_andIncludePatterns() throws Exception {
        repo.tag("v1.0", repo.head());
        hub.treePageSize(2);
        LoadResult r = new Loader()
                .load(request("hf://org/model@v1.0", dir).include("*.json").build());
        assertThat(r.marker().files()).extracting(FileEntry::path).containsExactly("config.json", "tokenizer.json");
        assertThat(hub.requests()).filteredOn(q -> q.path().contains("/tree/")).hasSizeGreaterThan(2);
    }

    @Test
    void allFiles_loadsDuplicateWeightsToo() throws Exception {
        LoadResult r = new Loader()
                .load(request("hf://org/model", dir).defaultExcludes(false).build());
        assertThat(r.marker().files()).hasSize(7);
        assertThat(dir.resolve("original/consolidated.00.pth")).exists();
    }

    @Test
    void privateRepo_withToken_andCdnRedirect_dropsTokenOnTheCdn() throws Exception {
        hub.requireToken("hf_good_token_123");
        hub.redirectLfsToCdn(true);
        LoadRequest req = request("hf://org/model", dir)
                .env(Peers.env(hub, null, "hf_good_token_123"))
                .build();
        new Loader().load(req);
        assertThat(Files.readAllBytes(dir.resolve("model-00002-of-00002.safetensors")))
                .isEqualTo(files.get("model-00002-of-00002.safetensors"));
        assertThat(hub.requests())
                .filteredOn(q -> q.path().startsWith("/cdn/"))
                .isNotEmpty()
                .allSatisfy(q -> assertThat(q.authorization()).isFalse());
    }

    @Test
    void wrongToken_failsFastWithAClearMessage_withoutTheToken() {
        hub.requireToken("hf_good_token_123");
        LoadRequest req = request("hf://org/model", dir)
                .env(Peers.env(hub, null, "hf_bad_token_456"))
                .build();
        assertThatThrownBy(() -> new Loader().load(req))
                .isInstanceOf(LoaderException.class)
                .satisfies(e -> {
                    LoaderException le = (LoaderException) e;
                    assertThat(le.reason()).isEqualTo(LoaderException.Reason.AUTH);
                    assertThat(le.getMessage())
                            .contains("HTTP 401")
                            .contains("HF_TOKEN")
                            .doesNotContain("hf_bad_token_456");
                });
        assertThat(hub.requests()).hasSize(1);
        assertThat(dir.resolve(".kubeai/complete.json")).doesNotExist();
    }

    @Test
    void missingRepoAndRevision_areInputErrors() {
        assertThatThrownBy(() -> new Loader().load(request("hf://org/nope", dir).build()))
                .hasMessageContaining("hf://org/nope does not exist");
        assertThatThrownBy(() ->
                        new Loader().load(request("hf://org/model@v9", dir).build()))
                .hasMessageContaining("revision 'v9' does not exist in hf://org/model");
        assertThatThrownBy(() -> new Loader()
                        .load(request("hf://org/model", dir).include("*.gguf").build()))
                .hasMessageContaining("nothing to load");
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
