package io.kubeai.gitops.hook.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.validator.ManifestValidator;
import io.kubeai.gitops.validator.Violation;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What every rendered tree in a test must pass (the house rule the generator's tests follow): strict
 * validation against the Kubernetes API and CRDs in ../shared, and {@code kubectl kustomize} where
 * kubectl is on the PATH.
 */
public final class RenderedTrees {

    private static ManifestValidator validator;

    private RenderedTrees() {}

    public static void assertValid(Path tree) throws IOException, InterruptedException {
        assertThat(validator().validateTree(tree))
                .as("strict validation of %s", tree)
                .extracting(Violation::format)
                .isEmpty();
        String kubectl = kubectl();
        if (kubectl != null) {
            Process process = new ProcessBuilder(kubectl, "kustomize", tree.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue())
                    .as("kubectl kustomize %s:%n%s", tree, out)
                    .isZero();
        }
    }

    private static synchronized ManifestValidator validator() throws IOException {
        if (validator == null) {
            validator = ManifestValidator.fromSharedDir(sharedDir());
        }
        return validator;
    }

    /** ../shared beside the checkout, or {@code -Dkubeai.shared.dir}. */
    private static Path sharedDir() {
        String property = System.getProperty("kubeai.shared.dir");
        Stream<Path> candidates = Stream.concat(
                Stream.ofNullable(property).map(Path::of),
                Stream.of("../../../shared", "../../shared", "../shared").map(Path::of));
        return candidates
                .filter(p -> Files.isDirectory(p.resolve("kubernetes-openapi")))
                .findFirst()
                .map(p -> p.toAbsolutePath().normalize())
                .orElseThrow(() -> new IllegalStateException(
                        "../shared with kubernetes-openapi/ not found; set -Dkubeai.shared.dir"));
    }

    private static String kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
