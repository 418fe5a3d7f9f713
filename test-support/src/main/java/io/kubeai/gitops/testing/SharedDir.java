package io.kubeai.gitops.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code -Dkubeai.shared.dir}: an optional folder with kubernetes-openapi/ and crds/ (such as
 * ../shared) that tests validate against instead of the validator's built-in schema catalog.
 */
public final class SharedDir {
    private SharedDir() {}

    /** The folder, when the property names one; empty means the catalog. */
    public static Optional<Path> override() {
        String property = System.getProperty("kubeai.shared.dir", "");
        if (property.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("kubernetes-openapi"))) {
            throw new IllegalStateException("-Dkubeai.shared.dir=" + property
                    + " has no kubernetes-openapi/ folder; leave it unset to use the schema catalog");
        }
        return Optional.of(dir);
    }
}
