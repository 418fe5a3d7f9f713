package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gitops.engine: plain} is {@code kubectl apply -k rendered}: everything at once, no order. A
 * staticVolume's snapshot must wait for its loader Job, so plain refuses it, naming each Model that uses it;
 * the modes whose pods wait for their own copy work as they are.
 */
class PlainEngineTest {
    private static final String CONFIG = """
            gitops:
              engine: %s
            models:
              cache:
                defaultProfile: %s
                profiles:
                  Disk: {staticVolume: {storageClass: hyperdisk-ml}}
                  EFS: {sharedFilesystem: {storageClass: efs}}
            """;

    @TempDir
    Path repo;

    private GenerateResult render(String engine, String defaultProfile, String modelProfile) throws IOException {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("kubeai.yaml"), CONFIG.formatted(engine, defaultProfile));
        Files.writeString(
                repo.resolve("models/big.yaml"),
                "kind: Model\nmetadata:\n  name: big\nspec:\n  url: hf://org/big\n"
                        + (modelProfile.isEmpty() ? "" : "  cacheProfile: " + modelProfile + "\n"));
        return new Generator().generate(GenerateRequest.builder(repo).build());
    }

    @Test
    void plain_refusesAStaticVolumeModel_atItsCacheProfile_andWritesNothing() throws Exception {
        GenerateResult result = render("plain", "EFS", "Disk");
        assertThat(result.diagnostics())
                .extracting(Diagnostic::format)
                .containsExactly("models/big.yaml:6:17: error: cacheProfile 'Disk' (staticVolume) needs gitops.engine "
                        + "argocd or flux, not plain: its VolumeSnapshot must be taken after the loader Job has "
                        + "filled the disk, and kubectl apply -k creates it at once: the read-only copy would never "
                        + "get the loader's completion marker and the serving pods would wait forever; set "
                        + "gitops.engine in kubeai.yaml, or use a bucket or sharedFilesystem profile");
        assertThat(repo.resolve("rendered")).doesNotExist();
    }

    @Test
    void plain_refusesAStaticVolumeDefaultProfile_atTheModelsName() throws Exception {
        GenerateResult result = render("plain", "Disk", "");
        assertThat(result.diagnostics())
                .extracting(Diagnostic::format)
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("models/big.yaml:3:9: error: cacheProfile 'Disk'"));
    }

    @Test
    void argoCdAndFlux_orderTheSnapshot_soTheyRenderIt() throws Exception {
        for (String engine : new String[] {"argocd", "flux"}) {
            GenerateResult result = render(engine, "EFS", "Disk");
            assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        }
    }

    @Test
    void plain_rendersASharedFilesystemModel_whosePodsWaitForTheirCopy() throws Exception {
        GenerateResult result = render("plain", "Disk", "EFS");
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        assertThat(Files.readString(repo.resolve("rendered/models/big/deployment.yaml")))
                .contains("name: wait-model");
    }
}
