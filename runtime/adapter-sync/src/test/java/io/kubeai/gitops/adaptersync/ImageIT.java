package io.kubeai.gitops.adaptersync;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.image.ImageTarball;
import io.kubeai.gitops.testing.image.RuntimeImageCheck;
import org.junit.jupiter.api.Test;

/**
 * The kubeai-adapter-sync image as `mvn verify` builds it, unpacked and run: args only, as the generator
 * renders the sidecar.
 */
class ImageIT extends RuntimeImageCheck {

    ImageIT() {
        super("kubeai-adapter-sync", "io.kubeai.gitops.adaptersync.AdapterSyncCommand");
    }

    @Test
    void entrypoint_startsAndExplainsItsOptions() throws Exception {
        ImageTarball.Run run = image().run("--help");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("--config", "--engine", "--configmap", "--pod-name");
    }

    @Test
    void entrypoint_refusesABadOption_withExitCode2() throws Exception {
        ImageTarball.Run run = image().run("--debounce=soon");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("'soon' is not a duration");
    }
}
