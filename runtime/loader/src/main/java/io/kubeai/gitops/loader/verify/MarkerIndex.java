package io.kubeai.gitops.loader.verify;

import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.source.SourceFile;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files a marker of ours at a source lists (a bucket cache the loader filled), by path and size,
 * so a listed object can be vouched for by the marker's sha256 and CRC32C.
 */
public final class MarkerIndex {
    private final Map<String, FileEntry> files = new HashMap<>();

    /** The index of a marker's bytes; empty for no marker, or a foreign or torn one (verified without it). */
    public MarkerIndex(Optional<byte[]> marker) {
        if (marker.isEmpty()) {
            return;
        }
        try {
            for (FileEntry f : MarkerJson.read(marker.get()).files()) {
                files.put(f.path() + "\n" + f.size(), f);
            }
        } catch (IOException e) {
            // A foreign or torn marker: the store's own checksums are used alone.
        }
    }

    /** The marker's entry for a file, if it lists one of this path and size. */
    public Optional<FileEntry> find(String path, long size) {
        return Optional.ofNullable(files.get(path + "\n" + size));
    }

    /** The file, vouched for by the marker when it lists it. */
    public SourceFile vouch(SourceFile file) {
        return find(file.path(), file.size()).map(file::vouchedFor).orElse(file);
    }
}
