package io.kubeai.gitops.loader.dest;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/** Where the bytes of one part go. It keeps what it received across retries of the part. */
public interface PartSink {
    /** Bytes of the part received so far; a retry asks the source for the rest. */
    long received();

    /**
     * Reads {@code in} to its end and keeps the bytes, telling {@code progress} of each chunk and
     * stopping with an {@link java.util.concurrent.CancellationException} when {@code cancelled}.
     * Failures on the write side are {@link io.kubeai.gitops.loader.retry.NonRetryableException}s.
     */
    void receive(ReadableByteChannel in, LongConsumer progress, BooleanSupplier cancelled) throws IOException;
}
