package io.kubeai.gitops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeai.gitops.validator.ManifestValidator;
import io.kubeai.gitops.validator.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What every rendered tree in every test must pass: strict validation of each document against the
 * validator's schema catalog (or {@code -Dkubeai.shared.dir}), and {@code kubectl kustomize}; where
 * kubectl is missing, the test reports itself skipped instead of passing without that build.
 */
public final class RenderedTreeChecks {
    private static ManifestValidator validator;

    private RenderedTreeChecks() {}

    public static synchronized ManifestValidator validator() {
        if (validator == null) {
            try {
                var override = SharedDir.override();
                validator = override.isPresent()
                        ? ManifestValidator.fromSharedDir(override.get())
                        : ManifestValidator.builder().build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return validator;
    }

    public static void assertValid(Path tree) throws IOException, InterruptedException {
        List<Violation> violations = validator().validateTree(tree);
        assertThat(violations)
                .as("strict validation of %s", tree)
                .extracting(Violation::format)
                .isEmpty();
        kustomizeBuilds(tree);
    }

    /** Builds the tree with kubectl's kustomize; where kubectl is missing the test is skipped, saying so. */
    public static String kustomizeBuilds(Path tree) throws IOException, InterruptedException {
        assumeTrue(
                kubectl() != null,
                "kubectl is not on the PATH: the kubectl kustomize build of " + tree
                        + " is skipped (strict validation passed); .ci/run installs kubectl");
        Process process = new ProcessBuilder(kubectl(), "kustomize", tree.toString())
                .redirectErrorStream(true)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as("kubectl kustomize %s:%n%s", tree, text)
                .isZero();
        return text;
    }

    public static String kubectl() {
        return onPath("kubectl");
    }

    /** The program's path on the PATH, or null. */
    public static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
