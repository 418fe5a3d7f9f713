package io.kubeai.gitops.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.image.ImageTarball;
import io.kubeai.gitops.testing.image.RuntimeImageCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The kubeai-loader image as `mvn verify` builds it, unpacked and run the way the generator's loader Jobs
 * and init containers run it: args only.
 */
class ImageIT extends RuntimeImageCheck {

    ImageIT() {
        super("kubeai-loader", "io.kubeai.gitops.loader.cli.LoaderMain");
    }

    @Test
    void entrypoint_printsItsVersion() throws Exception {
        ImageTarball.Run run = image().run("--version");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("kubeai-loader ");
    }

    @Test
    void entrypoint_loadsAndWaits_withTheArgsTheGeneratorRenders() throws Exception {
        Path source = Files.createDirectories(scratch().resolve("source"));
        Files.writeString(source.resolve("config.json"), "{\"model_type\":\"llama\"}");
        Path destination = scratch().resolve("cache/model");

        ImageTarball.Run load = image().run("load", source.toString(), destination.toString(), "--no-fsync");
        assertThat(load.exitCode()).as(load.output()).isZero();
        ImageTarball.Run wait = image().run("wait", destination.toString());

        assertThat(wait.exitCode()).as(wait.output()).isZero();
        assertThat(destination.resolve("config.json")).hasContent("{\"model_type\":\"llama\"}");
        assertThat(destination.resolve(".kubeai/complete.json")).exists();
    }
}
