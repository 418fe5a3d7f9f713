package io.kubeai.gitops.loader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeai.gitops.loader.Peers;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.testing.hf.HfTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes 0/1/2, JSON progress, redaction. */
class LoaderMainTest {
    private static final String TOKEN = "hf_cli_secret_token_42";
    private HfTestServer hub;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        hub = HfTestServer.start();
        hub.addRepo(
                "org/model",
                Map.of("model.safetensors", Peers.bytes(200_000, 1), "config.json", new byte[] {'{', '}'}));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private int run(Map<String, String> env, String... args) {
        return LoaderMain.run(
                args,
                LoaderEnv.of(env),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void usageErrors_exit2() {
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(err()).contains("Usage: kubeai-loader");
        assertThat(run(Map.of(), "load", "hf://org/model")).isEqualTo(2);
        assertThat(run(Map.of(), "load", "hf://a/b", "/tmp/x", "--bogus")).isEqualTo(2);
        assertThat(run(Map.of(), "load", "hf://a/b", "/tmp/x", "--progress", "xml"))
                .isEqualTo(2);
        assertThat(run(Map.of(), "load", "hf://a/b", "/tmp/x", "-c", "0")).isEqualTo(2);
        assertThat(run(Map.of(), "wait", "/tmp/x", "--timeout", "soon")).isEqualTo(2);
        assertThat(err()).contains("'soon' is not a duration");
    }

    @Test
    void helpAndVersion_exit0() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(run(Map.of(), "load", "--help")).isZero();
        assertThat(out()).contains("--concurrency").contains("--include").contains("HF_TOKEN");
    }

    @Test
    void load_printsJsonProgress_andExits0() throws Exception {
        int code = run(
                Peers.envVars(hub, null, null),
                "load",
                "hf://org/model",
                dir.toString(),
                "--progress",
                "json",
                "--progress-interval",
                "10ms",
                "--part-size",
                "64KiB",
                "--backoff",
                "10ms");
        assertThat(code).as(err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : out().split("\n")) {
            events.add(json.readTree(line));
        }
        assertThat(events)
                .extracting(e -> e.path("event").asText())
                .contains("info", "progress")
                .endsWith("done");
        JsonNode done = events.get(events.size() - 1);
        assertThat(done.path("files").asInt()).isEqualTo(2);
        assertThat(done.path("totalBytes").asLong()).isEqualTo(200_002);
        assertThat(events)
                .filteredOn(e -> e.path("event").asText().equals("progress"))
                .allSatisfy(e -> assertThat(e.has("bytesDone") && e.has("bytesTotal") && e.has("mbPerSecond"))
                        .isTrue());
    }

    @Test
    void textProgress_namesBytesRateEtaAndFiles() {
        assertThat(run(
                        Peers.envVars(hub, null, null),
                        "load",
                        "hf://org/model",
                        dir.toString(),
                        "--progress-interval",
                        "10ms"))
                .isZero();
        assertThat(out())
                .containsPattern(
                        "progress: [0-9.]+ (B|KiB) / 195\\.31 KiB \\([0-9.]+%\\), [0-9.]+ MB/s, ETA \\S+, files \\d/2")
                .contains("complete: 2 file(s)");
    }

    @Test
    void failures_exit1_withoutSecrets() {
        hub.requireToken("hf_the_right_one");
        int code =
                run(Peers.envVars(hub, null, TOKEN), "load", "hf://org/model", dir.toString(), "--max-attempts", "2");
        assertThat(code).isEqualTo(1);
        assertThat(err()).startsWith("error: ").contains("HTTP 401");
        assertThat(out() + err()).doesNotContain(TOKEN);
        assertThat(run(Map.of(), "load", "ftp://x/y", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("the scheme is not supported");
    }

    @Test
    void wait_timesOut_exit1_naming_theJob() {
        int code = run(Map.of(), "wait", dir.toString(), "--timeout", "200ms", "--interval", "50ms", "--job", "load-m");
        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("kubectl logs job/load-m");
    }
}
