package io.kubeai.gitops.hook;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.image.ImageTarball;
import io.kubeai.gitops.testing.image.RuntimeImageCheck;
import org.junit.jupiter.api.Test;

/**
 * The kubeai-commit-hook image as `mvn verify` builds it, unpacked and run: args only, as the generator
 * renders the finetune Job's main container.
 */
class ImageIT extends RuntimeImageCheck {

    ImageIT() {
        super("kubeai-commit-hook", "io.kubeai.gitops.hook.cli.HookCli");
    }

    @Test
    void entrypoint_startsAndNamesItsCommands() throws Exception {
        ImageTarball.Run run = image().run("--help");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("finish", "commit-adapter");
    }

    @Test
    void finish_withoutItsArguments_isAUsageError() throws Exception {
        ImageTarball.Run run = image().run("finish");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    }
}
