package io.kubeai.gitops.loader.source;

import java.util.List;

/**
 * The files of a source at one revision.
 *
 * @param revision the resolved revision (a commit id, or a content digest)
 * @param files the files, sorted by path, without the source's own {@code .kubeai/} folder
 */
public record Listing(String revision, List<SourceFile> files) {
    public Listing {
        files = List.copyOf(files);
    }

    public long totalBytes() {
        return files.stream().mapToLong(SourceFile::size).sum();
    }
}
