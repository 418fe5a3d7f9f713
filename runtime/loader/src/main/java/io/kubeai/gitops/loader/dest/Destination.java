package io.kubeai.gitops.loader.dest;

import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.TransferOptions;
import io.kubeai.gitops.loader.source.SourceFile;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** A cache being filled: a directory or an S3 prefix. */
public interface Destination extends AutoCloseable {
    String display();

    /** The marker, if one is there. */
    Optional<CompletionMarker> readMarker() throws LoaderException;

    /** Removes the marker before a different source or revision is loaded over it. */
    void removeMarker() throws LoaderException;

    /** Writes the marker atomically: readers see all of it or none. */
    void writeMarker(CompletionMarker marker) throws LoaderException;

    /** The part size to use: {@code requested}, or this destination's choice for {@link TransferOptions#AUTO_PART_SIZE}. */
    default long partSize(long requested) {
        return requested != TransferOptions.AUTO_PART_SIZE ? requested : 64L << 20;
    }

    /** What is to be done for a file: nothing (verified before), the missing parts, or all parts. */
    FileJob prepare(SourceFile file, long partSize) throws LoaderException;

    /** Deletes files an earlier marker listed that the new load does not have. */
    void prune(Set<String> keep, Collection<FileEntry> previous) throws LoaderException;

    /** Makes the loaded files durable and removes bookkeeping, before the marker is written. */
    void seal(Collection<FileEntry> files) throws LoaderException;

    @Override
    default void close() {}
}
