package io.kubeai.gitops.loader.dest;

import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.source.SourceFile;
import java.util.List;

/** A file an earlier run verified at the destination: nothing to do. */
public record DoneJob(SourceFile file, FileEntry entry) implements FileJob {
    @Override
    public boolean complete() {
        return true;
    }

    @Override
    public long bytesDone() {
        return file.size();
    }

    @Override
    public List<Part> pendingParts() {
        return List.of();
    }

    @Override
    public long bufferBytes(Part part) {
        return 0;
    }

    @Override
    public PartSink open(Part part, Buffer buffer) {
        throw new IllegalStateException(file.path() + " is complete");
    }

    @Override
    public void partDone(Part part, PartSink sink) {
        throw new IllegalStateException(file.path() + " is complete");
    }

    @Override
    public FileEntry finish() {
        return entry;
    }

    @Override
    public void abandon() {}
}
