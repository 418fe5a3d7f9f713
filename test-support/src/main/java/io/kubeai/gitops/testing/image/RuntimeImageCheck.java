package io.kubeai.gitops.testing.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image check of a runtime module, as {@code mvn verify} runs it (failsafe): the tarball that the
 * module's Jib configuration built on the stand-in base ({@code target/image-check/image.tar}, see
 * {@link CheckBaseImage}) is unpacked once, and checked against what the generator's templates assume of
 * every runtime image ({@link ImageTarball#contractProblems}) and its title label. A module's {@code
 * ImageIT} extends this with its image's title and main class, and adds runs of the entrypoint with the
 * generator's kind of args through {@link #image()}.
 */
public abstract class RuntimeImageCheck {

    @TempDir
    static Path scratch;

    private static ImageTarball.Unpacked unpacked;

    private final String title;
    private final String mainClass;

    /**
     * @param title     the image's {@code org.opencontainers.image.title}, its name without registry or tag
     * @param mainClass the class its entrypoint runs
     */
    protected RuntimeImageCheck(String title, String mainClass) {
        this.title = title;
        this.mainClass = mainClass;
    }

    @BeforeAll
    static void unpack() throws IOException {
        unpacked = ImageTarball.unpackCheckImage(scratch);
    }

    /** The module's image, unpacked. */
    protected static ImageTarball.Unpacked image() {
        return unpacked;
    }

    /** A folder for the test's own files, beside the unpacked image and removed with it. */
    protected static Path scratch() {
        return scratch;
    }

    @Test
    void configuration_isWhatTheGeneratorAssumes() throws IOException {
        assertThat(unpacked.image().contractProblems(mainClass)).isEmpty();
        assertThat(unpacked.image().labels()).containsEntry("org.opencontainers.image.title", title);
    }
}
