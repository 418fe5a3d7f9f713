package io.kubeai.gitops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeai.gitops.validator.ManifestValidator;
import io.kubeai.gitops.validator.Violation;
import io.kubeai.gitops.validator.podsecurity.PodSecurity;
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

    /**
     * Every pod template of the tree meets the restricted Pod Security Standard (as {@code kubeai validate
     * --pod-security restricted} checks it), except those whose object opts out with the annotations
     * {@code kubeai.org/pod-security: baseline} and a non-empty {@code kubeai.org/pod-security-reason}; those
     * meet baseline. Returns each opt-out as {@code file: reason}, sorted.
     */
    public static List<String> assertPodSecurity(Path tree) throws IOException {
        List<String> optOuts = new java.util.ArrayList<>();
        java.util.Set<String> explained = new java.util.TreeSet<>();
        for (Violation v : podSecurity(PodSecurity.Level.RESTRICTED).validateTree(tree)) {
            JsonNode annotations =
                    YAML.readTree(tree.resolve(v.file()).toFile()).at("/metadata/annotations");
            String reason = annotations.path(REASON).asText("");
            assertThat(annotations.path(LEVEL).asText() + reason)
                    .as("%s violates restricted without an opt-out naming its reason", v.format())
                    .startsWith("baseline")
                    .isNotEqualTo("baseline");
            if (explained.add(v.file())) {
                optOuts.add(v.file() + ": " + reason);
            }
        }
        assertThat(podSecurity(PodSecurity.Level.BASELINE).validateTree(tree))
                .as("baseline Pod Security of %s", tree)
                .extracting(Violation::format)
                .isEmpty();
        java.util.Collections.sort(optOuts);
        return optOuts;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
    private static final String LEVEL = "kubeai.org/pod-security";
    private static final String REASON = "kubeai.org/pod-security-reason";
    private static final java.util.Map<PodSecurity.Level, ManifestValidator> POD_SECURITY =
            new java.util.EnumMap<>(PodSecurity.Level.class);

    private static synchronized ManifestValidator podSecurity(PodSecurity.Level level) throws IOException {
        ManifestValidator v = POD_SECURITY.get(level);
        if (v == null) {
            v = ManifestValidator.builder().podSecurity(level).build();
            POD_SECURITY.put(level, v);
        }
        return v;
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
