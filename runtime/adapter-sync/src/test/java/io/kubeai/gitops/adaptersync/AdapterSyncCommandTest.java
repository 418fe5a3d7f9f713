package io.kubeai.gitops.adaptersync;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.adaptersync.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AdapterSyncCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = AdapterSyncCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static Settings parse(String... args) {
        CommandLine cli = AdapterSyncCommand.commandLine();
        cli.parseArgs(args);
        return ((AdapterSyncCommand) cli.getCommand()).settings();
    }

    @Test
    void help_listsEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "--config",
                        "--engine",
                        "--adapters-dir",
                        "--listen",
                        "--reconcile-period",
                        "--poll-period",
                        "--debounce",
                        "--backoff-initial",
                        "--backoff-max",
                        "--engine-timeout",
                        "--fetch-threads",
                        "--[no-]strict-readiness",
                        "--log-format");
    }

    @Test
    void options_becomeSettings() {
        Settings s = parse(
                "--config",
                "/etc/kubeai/adapters/adapters.json",
                "--engine",
                "http://127.0.0.1:8000",
                "--adapters-dir",
                "/adapters",
                "--listen",
                "0.0.0.0:8090",
                "--reconcile-period",
                "30s",
                "--debounce",
                "500ms",
                "--backoff-max",
                "5m",
                "--engine-timeout",
                "PT90S",
                "--fetch-threads",
                "2",
                "--strict-readiness");

        assertThat(s.configFile()).isEqualTo(Path.of("/etc/kubeai/adapters/adapters.json"));
        assertThat(s.engine()).isEqualTo(URI.create("http://127.0.0.1:8000"));
        assertThat(s.listen().getPort()).isEqualTo(8090);
        assertThat(s.reconcilePeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.debounce()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.backoffMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.engineTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.fetchThreads()).isEqualTo(2);
        assertThat(s.strictReadiness()).isTrue();
    }

    @Test
    void noOptions_giveTheDocumentedDefaults() {
        assertThat(parse()).isEqualTo(Settings.builder().build());
    }

    @Test
    void badDuration_isAUsageError() {
        assertThat(run("--reconcile-period", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }

    @Test
    void backoffMaxBelowInitial_isAUsageError() {
        assertThat(run("--backoff-initial", "10s", "--backoff-max", "1s")).isEqualTo(2);
        assertThat(err.toString()).contains("below backoff initial");
    }

    @Test
    void portInUse_exitsWith3() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = run(
                    "--listen",
                    "127.0.0.1:" + taken.getLocalPort(),
                    "--adapters-dir",
                    tmp.toString(),
                    "--config",
                    tmp.resolve("adapters.json").toString());
            assertThat(code).isEqualTo(3);
        }
    }
}
