package io.kubeai.gitops.loader.dest;

import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.source.SourceFile;
import java.io.IOException;
import java.util.List;

/**
 * One file on its way to a destination. The engine fetches each pending part into the sink
 * {@link #open} gives, calls {@link #partDone}, and once all are done calls {@link #finish}, which
 * verifies the file and puts it in place.
 */
public interface FileJob {
    SourceFile file();

    /** Whether an earlier run already verified this file at the destination. */
    boolean complete();

    /** The verified file, when {@link #complete()}. */
    FileEntry entry();

    /** Bytes already in place (parts an earlier run finished). */
    long bytesDone();

    /** The parts still to fetch, in file order. */
    List<Part> pendingParts();

    /** The buffer a part needs from the pool, or 0 when it streams to disk. */
    long bufferBytes(Part part);

    PartSink open(Part part, Buffer buffer) throws IOException;

    /** Records a fetched part (and hashes or uploads it). */
    void partDone(Part part, PartSink sink) throws LoaderException;

    /**
     * Verifies the file and puts it in place. A mismatch throws a {@link
     * io.kubeai.gitops.loader.api.LoaderException.Reason#VERIFICATION} failure after discarding the bytes, so
     * that a fresh job can fetch the file again.
     */
    FileEntry finish() throws LoaderException;

    /** Frees buffers and remote state after the run failed; bytes on disk stay for a resume. */
    void abandon();
}
