package io.kubeai.gitops.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test data beside the checkout: ../shared (Kubernetes OpenAPI documents and CRDs). */
public final class SharedDir {
    private SharedDir() {}

    public static Path get() {
        String property = System.getProperty("kubeai.shared.dir");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        // A module's folder is one, two or three levels below the checkout (generator, runtime/commit-hook).
        for (Path candidate : new Path[] {Path.of("../../shared"), Path.of("../shared"), Path.of("../../../shared")}) {
            if (Files.isDirectory(candidate.resolve("kubernetes-openapi"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("../shared with kubernetes-openapi/ not found; set -Dkubeai.shared.dir");
    }
}
