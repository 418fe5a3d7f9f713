package io.kubeai.gitops.adaptersync;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.image.ImageTarball;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubeai-adapter-sync image as `mvn verify` builds it (target/image-check/image.tar: this module's Jib
 * configuration on a stand-in base holding the host's JRE), unpacked and run: args only, as the generator
 * renders the sidecar.
 */
class ImageIT {

    @TempDir
    static Path tmp;

    private static ImageTarball.Unpacked unpacked;

    @BeforeAll
    static void unpack() throws Exception {
        unpacked = ImageTarball.unpackCheckImage(tmp);
    }

    @Test
    void configuration_isWhatTheGeneratorAssumes() throws Exception {
        assertThat(unpacked.image().contractProblems("io.kubeai.gitops.adaptersync.AdapterSyncCommand"))
                .isEmpty();
        assertThat(unpacked.image().labels()).containsEntry("org.opencontainers.image.title", "kubeai-adapter-sync");
    }

    @Test
    void entrypoint_startsAndExplainsItsOptions() throws Exception {
        ImageTarball.Run run = unpacked.run("--help");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("--config", "--engine", "--configmap", "--pod-name");
    }

    @Test
    void entrypoint_refusesABadOption_withExitCode2() throws Exception {
        ImageTarball.Run run = unpacked.run("--debounce=soon");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("'soon' is not a duration");
    }
}
