package io.kubeai.gitops.validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared test data (OpenAPI documents and CRDs beside the checkout) and one validator
 * over all of it, built once per test run because loading takes a second.
 */
final class SharedSchemas {
    private static ManifestValidator validator;

    private SharedSchemas() {}

    /** {@code -Dkubeai.shared.dir}, as the parent pom sets it, else {@code ../../shared} from the module. */
    static Path dir() {
        String configured = System.getProperty("kubeai.shared.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("../../shared");
        Path normalized = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(normalized.resolve("kubernetes-openapi"))) {
            throw new IllegalStateException("no shared test data at " + normalized
                    + "; set -Dkubeai.shared.dir to the folder holding kubernetes-openapi/ and crds/");
        }
        return normalized;
    }

    static Path openApi(String file) {
        return dir().resolve("kubernetes-openapi").resolve(file);
    }

    static Path crds() {
        return dir().resolve("crds");
    }

    static synchronized ManifestValidator validator() {
        if (validator == null) {
            try {
                validator = ManifestValidator.fromSharedDir(dir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return validator;
    }

    /** A test manifest from src/test/resources/manifests. */
    static Path manifest(String relative) {
        return Path.of("src/test/resources/manifests").resolve(relative);
    }
}
