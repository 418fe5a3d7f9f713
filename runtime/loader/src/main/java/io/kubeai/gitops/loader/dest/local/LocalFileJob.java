package io.kubeai.gitops.loader.dest.local;

import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.dest.Buffer;
import io.kubeai.gitops.loader.dest.FileJob;
import io.kubeai.gitops.loader.dest.Part;
import io.kubeai.gitops.loader.dest.PartSink;
import io.kubeai.gitops.loader.retry.NonRetryableException;
import io.kubeai.gitops.loader.source.SourceFile;
import io.kubeai.gitops.loader.verify.Digests;
import io.kubeai.gitops.loader.verify.OrderedHasher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/** A file being written into {@code .kubeai/partial/} part by part, then verified and moved into place. */
final class LocalFileJob implements FileJob {
    /**
     * Reads from the network land in one direct buffer per thread: the socket fills it, the file is
     * written from it and it is hashed in place, with no copies through the heap; 256 KiB needs few
     * system calls.
     */
    static final ThreadLocal<ByteBuffer> IO_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(256 << 10));

    private final LocalDirectory dir;
    private final SourceFile file;
    private final Path target;
    private final Path partial;
    private final List<Part> parts;
    private final PartState state;
    private final FileChannel channel;
    private final OrderedHasher hasher;
    private final long bytesDone;

    LocalFileJob(LocalDirectory dir, SourceFile file, Path target, Path partial, long partSize) throws IOException {
        this.dir = dir;
        this.file = file;
        this.target = target;
        this.partial = partial;
        this.parts = Part.split(file.size(), partSize);
        this.state = PartState.open(partial, file.size(), partSize, parts.size(), file.identity());
        this.channel = FileChannel.open(partial, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.hasher = new OrderedHasher(new Digests(file), file.size());
        long done = 0;
        for (Part p : parts) {
            if (state.isDone(p.index())) {
                hasher.add(new FileRegion(p));
                done += p.length();
            }
        }
        this.bytesDone = done;
    }

    @Override
    public SourceFile file() {
        return file;
    }

    @Override
    public boolean complete() {
        return false;
    }

    @Override
    public FileEntry entry() {
        throw new IllegalStateException("not complete");
    }

    @Override
    public long bytesDone() {
        return bytesDone;
    }

    @Override
    public List<Part> pendingParts() {
        return parts.stream().filter(p -> !state.isDone(p.index())).toList();
    }

    @Override
    public long bufferBytes(Part part) {
        return 0;
    }

    @Override
    public PartSink open(Part part, Buffer buffer) {
        return new Sink(part);
    }

    @Override
    public void partDone(Part part, PartSink sink) throws LoaderException {
        try {
            state.markDone(part.index());
            hasher.offer(new FileRegion(part));
        } catch (IOException e) {
            throw new LoaderException(Reason.IO, "cannot record progress of " + partial + ": " + e.getMessage(), e);
        }
    }

    @Override
    public FileEntry finish() throws LoaderException {
        try {
            Digests.Outcome outcome = hasher.finish();
            if (channel.size() != file.size() || !outcome.ok()) {
                String why = channel.size() != file.size()
                        ? "size is " + channel.size() + ", expected " + file.size()
                        : String.join("; ", outcome.problems());
                channel.close();
                state.deleteAll();
                throw new LoaderException(Reason.VERIFICATION, file.path() + ": " + why);
            }
            if (dir.fsync()) {
                channel.force(false);
            }
            channel.close();
            Files.createDirectories(target.getParent());
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            state.delete();
            FileEntry entry = new FileEntry(file.path(), file.size(), outcome.sha256(), outcome.crc32c());
            dir.journal().append(new Journal.Entry(entry, file.identity()));
            return entry;
        } catch (IOException e) {
            throw new LoaderException(Reason.IO, "cannot put " + target + " in place: " + e.getMessage(), e);
        }
    }

    @Override
    public void abandon() {
        hasher.abandon();
        try {
            channel.close();
            state.close();
        } catch (IOException e) {
            // Resumed or started over by the next run.
        }
    }

    /** A finished part, read back from the page cache to be hashed (what was not hashed inline). */
    private final class FileRegion implements OrderedHasher.Region {
        private final Part part;

        FileRegion(Part part) {
            this.part = part;
        }

        @Override
        public long start() {
            return part.start();
        }

        @Override
        public long end() {
            return part.end();
        }

        @Override
        public void feed(Digests digests, long from) throws IOException {
            ByteBuffer bb = IO_BUFFER.get();
            long pos = from;
            while (pos < part.end()) {
                bb.clear().limit((int) Math.min(bb.capacity(), part.end() - pos));
                int n = channel.read(bb, pos);
                if (n < 0) {
                    throw new IOException(partial + " is shorter than expected");
                }
                digests.update(bb.flip());
                pos += n;
            }
        }
    }

    /** Writes a part in place with positional writes; several parts write the same file at once. */
    private final class Sink implements PartSink {
        private final Part part;
        private long received;

        Sink(Part part) {
            this.part = part;
        }

        @Override
        public long received() {
            return received;
        }

        @Override
        public void receive(ReadableByteChannel in, LongConsumer progress, BooleanSupplier cancelled)
                throws IOException {
            ByteBuffer bb = IO_BUFFER.get();
            while (true) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                // Fill the whole buffer (one write and one hash call per 256 KiB, whatever sizes the socket
                // hands out); on a failure keep what arrived, so a retry asks only for the rest.
                bb.clear();
                boolean end = false;
                IOException failure = null;
                try {
                    while (bb.hasRemaining() && !end) {
                        end = in.read(bb) < 0;
                    }
                } catch (IOException e) {
                    failure = e;
                }
                keep(bb.flip(), progress);
                if (failure != null) {
                    throw failure;
                }
                if (end) {
                    return;
                }
            }
        }

        private void keep(ByteBuffer bb, LongConsumer progress) throws NonRetryableException {
            int n = bb.remaining();
            if (n == 0) {
                return;
            }
            long at = part.start() + received;
            try {
                for (long pos = at; bb.hasRemaining(); ) {
                    pos += channel.write(bb, pos);
                }
            } catch (IOException e) {
                throw new NonRetryableException(
                        new LoaderException(Reason.IO, "cannot write " + partial + ": " + e.getMessage(), e));
            }
            // Bytes next in file order are hashed now, while in the buffer; the rest are read back later.
            hasher.tryInline(at, bb.rewind());
            received += n;
            progress.accept(n);
        }
    }
}
