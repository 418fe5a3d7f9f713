package io.kubeai.gitops.hook;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.image.ImageTarball;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubeai-commit-hook image as `mvn verify` builds it (target/image-check/image.tar: this module's Jib
 * configuration on a stand-in base holding the host's JRE), unpacked and run: args only, as the
 * generator renders the finetune Job's main container.
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
        assertThat(unpacked.image().contractProblems("io.kubeai.gitops.hook.cli.HookCli"))
                .isEmpty();
        assertThat(unpacked.image().labels()).containsEntry("org.opencontainers.image.title", "kubeai-commit-hook");
    }

    @Test
    void entrypoint_startsAndNamesItsCommands() throws Exception {
        ImageTarball.Run run = unpacked.run("--help");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("finish", "commit-adapter");
    }

    @Test
    void finish_withoutItsArguments_isAUsageError() throws Exception {
        ImageTarball.Run run = unpacked.run("finish");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    }
}
