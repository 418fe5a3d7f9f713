package io.kubeai.gitops.loader;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.image.ImageTarball;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubeai-loader image as `mvn verify` builds it (target/image-check/image.tar: this module's Jib
 * configuration on a stand-in base holding the host's JRE), unpacked and run the way the generator's
 * loader Jobs and init containers run it: args only.
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
        assertThat(unpacked.image().contractProblems("io.kubeai.gitops.loader.cli.LoaderMain"))
                .isEmpty();
        assertThat(unpacked.image().labels()).containsEntry("org.opencontainers.image.title", "kubeai-loader");
    }

    @Test
    void entrypoint_printsItsVersion() throws Exception {
        ImageTarball.Run run = unpacked.run("--version");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("kubeai-loader ");
    }

    @Test
    void entrypoint_loadsAndWaits_withTheArgsTheGeneratorRenders() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("source"));
        Files.writeString(source.resolve("config.json"), "{\"model_type\":\"llama\"}");
        Path destination = tmp.resolve("cache/model");

        ImageTarball.Run load = unpacked.run("load", source.toString(), destination.toString(), "--no-fsync");
        assertThat(load.exitCode()).as(load.output()).isZero();
        ImageTarball.Run wait = unpacked.run("wait", destination.toString());

        assertThat(wait.exitCode()).as(wait.output()).isZero();
        assertThat(destination.resolve("config.json")).hasContent("{\"model_type\":\"llama\"}");
        assertThat(destination.resolve(".kubeai/complete.json")).exists();
    }
}
