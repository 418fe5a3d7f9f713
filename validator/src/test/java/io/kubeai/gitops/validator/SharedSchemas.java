package io.kubeai.gitops.validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The schemas tests validate against, and one validator over them, built once per test run. By
 * default the built-in catalog; {@code -Dkubeai.shared.dir=DIR} (a folder with kubernetes-openapi/
 * and crds/, such as ../shared) replaces it. Tests that read schema files read the catalog's own
 * files, which have the same layout, unless that property names another folder.
 */
final class SharedSchemas {
    /** The catalog's files in this module's sources. */
    static final Path CATALOG = Path.of("src/main/resources").resolve(SchemaCatalog.RESOURCES);

    private static ManifestValidator validator;

    private SharedSchemas() {}

    /** The folder given by {@code -Dkubeai.shared.dir}, when one is. */
    static Optional<Path> override() {
        String configured = System.getProperty("kubeai.shared.dir", "");
        if (configured.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("kubernetes-openapi"))) {
            throw new IllegalStateException("-Dkubeai.shared.dir=" + configured
                    + " has no kubernetes-openapi/ folder; leave it unset to use the schema catalog");
        }
        return Optional.of(dir);
    }

    /** A folder with kubernetes-openapi/ and crds/: the override, else the catalog. */
    static Path dir() {
        return override().orElse(CATALOG.toAbsolutePath());
    }

    /** An OpenAPI document by its file name, which the catalog keeps. */
    static Path openApi(String file) {
        return dir().resolve("kubernetes-openapi").resolve(file);
    }

    static Path crds() {
        return dir().resolve("crds");
    }

    /** A CRD file by its name without extension: .yaml in the sources, .json in the catalog. */
    static Path crd(String baseName) throws IOException {
        for (Path file : SourceFiles.expand(List.of(crds()), ".yaml", ".yml", ".json")) {
            if (file.getFileName().toString().startsWith(baseName + ".")) {
                return file;
            }
        }
        throw new IllegalStateException("no CRD file " + baseName + " in " + crds());
    }

    static synchronized ManifestValidator validator() {
        if (validator == null) {
            try {
                Optional<Path> override = override();
                validator = override.isPresent()
                        ? ManifestValidator.fromSharedDir(override.get())
                        : ManifestValidator.builder().build();
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
