package io.kubeai.gitops.spec;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The resource profiles and engine images shipped on the classpath under {@code profiles/}. */
final class BuiltInProfiles {
    static final String RESOURCE_PROFILES = "profiles/resource-profiles.yaml";
    static final String MODEL_SERVERS = "profiles/model-servers.yaml";

    private BuiltInProfiles() {}

    static YamlDocument load(String resource) {
        try (InputStream in = BuiltInProfiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in " + resource + " is missing from the classpath");
            }
            List<Diagnostic> problems = new ArrayList<>();
            List<YamlDocument> docs = YamlFiles.parse(
                    "classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), problems);
            if (!problems.isEmpty() || docs.size() != 1) {
                throw new IllegalStateException("built-in " + resource + " is broken: " + problems);
            }
            return docs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
