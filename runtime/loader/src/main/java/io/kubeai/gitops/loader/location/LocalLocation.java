package io.kubeai.gitops.loader.location;

import java.nio.file.Path;

/** A local directory (a PVC mount, or the directory a publish uploads). */
public record LocalLocation(Path dir) implements Location {
    @Override
    public String display() {
        return dir.toString();
    }
}
