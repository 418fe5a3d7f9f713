package io.kubeai.gitops.testing.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckBaseImageTest {

    @TempDir
    Path tmp;

    @Test
    void standInBase_isADockerSaveTarball_withTheHostsJavaOnThePath_andTheNonRootUser() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        CheckBaseImage.write(tmp.resolve("base.tar"), javaHome);

        ImageTarball base = ImageTarball.read(tmp.resolve("base.tar"));
        Path root = tmp.resolve("rootfs");
        base.unpack(root);

        assertThat(base.user()).isEqualTo("65532:65532");
        assertThat(base.env()).containsEntry("PATH", CheckBaseImage.PATH);
        assertThat(base.config().path("os").asText()).isEqualTo("linux");
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/java"))).isEqualTo(javaHome.resolve("bin/java"));
        assertThat(Files.isExecutable(root.resolve("usr/bin/java"))).isTrue();
        assertThat(root.resolve("etc/passwd")).content().contains("nonroot:x:65532:65532:");
        assertThat(base.entries())
                .filteredOn(e -> e.path().equals("tmp"))
                .singleElement()
                .satisfies(e -> assertThat(e.mode()).isEqualTo(01777));
        assertThat(base.contractProblems("Main")).anyMatch(p -> p.startsWith("entrypoint: "));
    }

    @Test
    void sameInputs_giveTheSameBytes() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        CheckBaseImage.write(tmp.resolve("a.tar"), javaHome);
        CheckBaseImage.write(tmp.resolve("b.tar"), javaHome);

        assertThat(Files.readAllBytes(tmp.resolve("a.tar"))).isEqualTo(Files.readAllBytes(tmp.resolve("b.tar")));
    }
}
