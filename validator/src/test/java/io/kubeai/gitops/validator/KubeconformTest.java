package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Cross-checks this validator against the tool it imitates: {@code kubeconform -strict} must reach
 * the same verdict on the same manifests. kubeconform brings its own schemas (yannh's Kubernetes
 * JSON schemas and the datree CRDs catalog), so the container needs to reach GitHub; the test is
 * skipped where no Docker engine runs. kustomization.yaml is left out: kubeconform has no schema
 * for it.
 */
@Testcontainers(disabledWithoutDocker = true)
class KubeconformTest {
    private static final DockerImageName KUBECONFORM = DockerImageName.parse("ghcr.io/yannh/kubeconform:v0.7.0");
    private static final String CRDS_CATALOG = "https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/"
            + "{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json";

    @Test
    void validManifests_passKubeconformStrict_asTheyPassThisValidator() throws IOException {
        Path manifests = SharedSchemas.manifest("valid");

        Run kubeconform = kubeconform(manifests);

        assertThat(kubeconform.exitCode()).as(kubeconform.output()).isZero();
        assertThat(SharedSchemas.validator().validateTree(manifests)).isEmpty();
    }

    @Test
    void unknownField_failsKubeconformStrict_asItFailsThisValidator() throws IOException {
        Path manifests = SharedSchemas.manifest("invalid");

        Run kubeconform = kubeconform(manifests);

        assertThat(kubeconform.exitCode()).as(kubeconform.output()).isEqualTo(1);
        assertThat(kubeconform.output()).contains("gpus");
        assertThat(SharedSchemas.validator().validateTree(manifests))
                .extracting(Violation::message)
                .containsExactly("unknown field 'gpus'");
    }

    private record Run(long exitCode, String output) {}

    private static Run kubeconform(Path manifests) {
        try (GenericContainer<?> container = new GenericContainer<>(KUBECONFORM)
                .withCopyFileToContainer(MountableFile.forHostPath(manifests.toAbsolutePath()), "/manifests")
                .withCommand(
                        "-strict",
                        "-summary",
                        "-ignore-filename-pattern",
                        "kustomization\\.yaml",
                        "-schema-location",
                        "default",
                        "-schema-location",
                        CRDS_CATALOG,
                        "/manifests")
                .withStartupCheckStrategy(new RunsToCompletion().withTimeout(Duration.ofMinutes(3)))) {
            container.start();
            Long exitCode = container.getCurrentContainerInfo().getState().getExitCodeLong();
            return new Run(exitCode == null ? -1 : exitCode, container.getLogs());
        }
    }

    /** Like OneShotStartupCheckStrategy, but a non-zero exit is a result to look at, not a failure to start. */
    private static final class RunsToCompletion extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient docker, String containerId) {
            Boolean running = getCurrentState(docker, containerId).getRunning();
            return Boolean.TRUE.equals(running) ? StartupStatus.NOT_YET_KNOWN : StartupStatus.SUCCESSFUL;
        }
    }
}
