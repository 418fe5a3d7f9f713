package io.kubeai.gitops.loader.source;

import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.retry.ErrorMapper;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

/** A place files are read from. */
public interface Source extends AutoCloseable {
    /** The source as given, for the marker and messages. */
    String url();

    /**
     * The revision, resolved: cheap for the Hub (one request, none for a commit id), a listing for S3
     * and local sources. Used to decide whether a marker is current.
     */
    String revision() throws LoaderException;

    /** The files at that revision. */
    Listing list() throws LoaderException;

    /**
     * Opens bytes {@code [start, end)} of a file. The channel delivers exactly {@code end - start} bytes
     * or throws; reading it fails with an {@link IOException} on a reset, a timeout or a short body.
     */
    ReadableByteChannel open(SourceFile file, long start, long end) throws IOException;

    /** The file named for messages, e.g. {@code hf://org/repo/model.safetensors}. */
    String describe(SourceFile file);

    /** How this source's request failures read as errors. */
    default ErrorMapper errors() {
        return ErrorMapper.DEFAULT;
    }

    @Override
    default void close() {}
}
