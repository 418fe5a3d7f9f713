package io.kubeai.gitops.loader.transfer;

import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.api.TransferOptions;
import io.kubeai.gitops.loader.dest.Buffer;
import io.kubeai.gitops.loader.dest.Destination;
import io.kubeai.gitops.loader.dest.FileJob;
import io.kubeai.gitops.loader.dest.Part;
import io.kubeai.gitops.loader.dest.PartSink;
import io.kubeai.gitops.loader.progress.Formats;
import io.kubeai.gitops.loader.progress.ProgressTracker;
import io.kubeai.gitops.loader.retry.Retrier;
import io.kubeai.gitops.loader.source.Source;
import io.kubeai.gitops.loader.source.SourceFile;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves files from a source to a destination: {@code concurrency} ranged requests at once, in file
 * and part order, each retried from where it stopped; a file that fails verification is fetched
 * once more, and a second failure fails the run. The first failure stops the run.
 */
public final class TransferEngine {
    /**
     * How much memory parts held in memory (on their way to S3) may take: with 16 MiB parts, four in
     * flight. Parts larger than half of this get two.
     */
    static final long BUFFER_BUDGET = 64L << 20;

    private final TransferOptions options;
    private final Retrier retrier;
    private final LoaderListener listener;

    public TransferEngine(TransferOptions options, Retrier retrier, LoaderListener listener) {
        this.options = options;
        this.retrier = retrier;
        this.listener = listener;
    }

    /** Transfers {@code files}; returns their entries sorted by path. */
    public List<FileEntry> run(Source source, Destination dest, List<SourceFile> files, ProgressTracker progress)
            throws LoaderException {
        return new Run(source, dest, progress).execute(files);
    }

    /** One file in flight: its job, which attempt this is, and how many parts are still out. */
    private record FileState(FileJob job, int attempt, AtomicInteger remaining) {}

    /** A part to fetch, or (part null) a file whose parts are all in place and only needs finishing. */
    private record Task(FileState file, Part part) {}

    private final class Run {
        private final Source source;
        private final Destination dest;
        private final ProgressTracker progress;
        private final LinkedBlockingDeque<Task> queue = new LinkedBlockingDeque<>();
        private final Map<String, FileEntry> entries = new ConcurrentHashMap<>();
        private final Map<String, FileState> active = new ConcurrentHashMap<>();
        private final AtomicInteger filesLeft = new AtomicInteger();
        private final AtomicReference<LoaderException> failure = new AtomicReference<>();
        private final BufferPool buffers;
        private final long partSize;

        Run(Source source, Destination dest, ProgressTracker progress) {
            this.source = source;
            this.dest = dest;
            this.progress = progress;
            this.partSize = dest.partSize(options.partSize());
            long wanted = Math.max(2 * partSize, Math.min((options.concurrency() + 1L) * partSize, BUFFER_BUDGET));
            // Never more than half the heap, so large parts mean fewer in flight rather than an OutOfMemoryError.
            this.buffers = new BufferPool(Math.max(partSize, Math.min(wanted, heapShare())));
        }

        List<FileEntry> execute(List<SourceFile> files) throws LoaderException {
            List<FileState> todo = new ArrayList<>();
            for (SourceFile f : files) {
                FileJob job = dest.prepare(f, partSize);
                progress.alreadyDone(job.bytesDone());
                if (job.complete()) {
                    entries.put(f.path(), job.entry());
                    progress.fileDone();
                } else {
                    todo.add(new FileState(
                            job, 1, new AtomicInteger(job.pendingParts().size())));
                }
            }
            if (files.size() > todo.size()) {
                listener.info((files.size() - todo.size()) + " file(s) already in place and verified");
            }
            filesLeft.set(todo.size());
            interleave(todo);
            ExecutorService workers = Executors.newFixedThreadPool(options.concurrency(), r -> {
                Thread t = new Thread(r, "loader-transfer");
                t.setDaemon(true);
                return t;
            });
            Semaphore slots = new Semaphore(options.concurrency());
            try {
                dispatch(workers, slots);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new LoaderException(Reason.TRANSFER, "interrupted"));
            } finally {
                if (failure.get() != null) {
                    workers.shutdownNow();
                } else {
                    workers.shutdown();
                }
                awaitQuietly(workers);
            }
            if (failure.get() != null) {
                active.values().forEach(s -> s.job().abandon());
                throw failure.get();
            }
            return entries.values().stream()
                    .sorted(Comparator.comparing(FileEntry::path))
                    .toList();
        }

        private void dispatch(ExecutorService workers, Semaphore slots) throws InterruptedException {
            while (failure.get() == null && filesLeft.get() > 0) {
                Task task = queue.poll(100, TimeUnit.MILLISECONDS);
                if (task == null) {
                    continue;
                }
                Buffer buffer = null;
                long bytes = task.part() == null ? 0 : task.file().job().bufferBytes(task.part());
                if (bytes > heapShare()) {
                    fail(new LoaderException(
                            Reason.INPUT,
                            "a part of " + Formats.bytes(bytes) + " ("
                                    + task.file().job().file().path()
                                    + ") does not fit in memory, which holds parts on their way to " + dest.display()
                                    + " (max heap "
                                    + Formats.bytes(Runtime.getRuntime().maxMemory())
                                    + "): use a smaller --part-size or a larger -Xmx"));
                    return;
                }
                if (bytes > 0) {
                    buffer = buffers.acquire(task.file().job().bufferBytes(task.part()), () -> failure.get() != null);
                    if (buffer == null) {
                        return;
                    }
                }
                while (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    if (failure.get() != null) {
                        release(buffer);
                        return;
                    }
                }
                Buffer leased = buffer;
                workers.execute(() -> {
                    try {
                        run(task, leased);
                    } catch (LoaderException e) {
                        fail(e);
                    } catch (CancellationException e) {
                        // The run failed elsewhere.
                    } catch (RuntimeException | Error e) {
                        fail(new LoaderException(
                                Reason.IO,
                                "internal error transferring "
                                        + task.file().job().file().path() + ": " + e,
                                e));
                    } finally {
                        slots.release();
                    }
                });
            }
        }

        private void run(Task task, Buffer buffer) throws LoaderException {
            FileState state = task.file();
            FileJob job = state.job();
            if (task.part() != null) {
                Part part = task.part();
                SourceFile file = job.file();
                PartSink sink;
                try {
                    sink = job.open(part, buffer);
                    String what = "downloading " + source.describe(file) + " (bytes " + part.start() + "-"
                            + (part.end() - 1) + ")";
                    retrier.call(
                            what,
                            attempt -> {
                                long from = part.start() + sink.received();
                                try (ReadableByteChannel in = source.open(file, from, part.end())) {
                                    sink.receive(in, progress::transferred, () -> failure.get() != null);
                                }
                                return null;
                            },
                            source.errors());
                } catch (IOException e) {
                    release(buffer);
                    throw new LoaderException(Reason.IO, "cannot write " + file.path() + ": " + e.getMessage(), e);
                } catch (LoaderException | RuntimeException e) {
                    release(buffer);
                    throw e;
                }
                job.partDone(part, sink);
                if (state.remaining().decrementAndGet() > 0) {
                    return;
                }
            }
            finish(state);
        }

        private void finish(FileState state) throws LoaderException {
            FileJob job = state.job();
            SourceFile file = job.file();
            try {
                FileEntry entry = job.finish();
                entries.put(file.path(), entry);
                active.remove(file.path());
                progress.fileDone();
                listener.info("verified " + file.path() + " (" + Formats.bytes(file.size()) + ")");
                filesLeft.decrementAndGet();
            } catch (LoaderException e) {
                if (e.reason() != Reason.VERIFICATION) {
                    throw e;
                }
                progress.discarded(file.size());
                if (state.attempt() > 1) {
                    throw new LoaderException(
                            Reason.VERIFICATION,
                            "verification failed twice for " + source.describe(file) + ": " + e.getMessage()
                                    + "; the source or the network corrupts it, giving up",
                            e);
                }
                listener.warn("verification failed for " + source.describe(file) + ": " + e.getMessage()
                        + "; downloading it again");
                FileJob again = dest.prepare(file, partSize);
                FileState retry = new FileState(
                        again, 2, new AtomicInteger(again.pendingParts().size()));
                progress.alreadyDone(again.bytesDone());
                enqueueFirst(retry);
            }
        }

        /** Queues a file fetched again ahead of everything else. */
        private void enqueueFirst(FileState state) {
            active.put(state.job().file().path(), state);
            List<Task> tasks = tasks(state);
            for (int i = tasks.size() - 1; i >= 0; i--) {
                queue.addFirst(tasks.get(i));
            }
        }

        /**
         * Queues the first part of every file, then every second part, and so on: the streams spread
         * over the files, so each file's parts arrive nearly in order and are hashed as they arrive,
         * and several files are hashed at once.
         */
        private void interleave(List<FileState> states) {
            List<List<Task>> perFile = new ArrayList<>();
            for (FileState s : states) {
                active.put(s.job().file().path(), s);
                perFile.add(tasks(s));
            }
            for (int round = 0; !perFile.isEmpty(); round++) {
                int r = round;
                perFile.removeIf(tasks -> tasks.size() <= r);
                for (List<Task> tasks : perFile) {
                    queue.add(tasks.get(r));
                }
            }
        }

        private List<Task> tasks(FileState state) {
            List<Task> tasks = new ArrayList<>();
            for (Part p : state.job().pendingParts()) {
                tasks.add(new Task(state, p));
            }
            if (tasks.isEmpty()) {
                tasks.add(new Task(state, null));
            }
            return tasks;
        }

        private long heapShare() {
            return Runtime.getRuntime().maxMemory() / 2;
        }

        private void fail(LoaderException e) {
            failure.compareAndSet(null, e);
        }

        private void release(Buffer buffer) {
            if (buffer != null) {
                buffer.release();
            }
        }

        private void awaitQuietly(ExecutorService workers) {
            try {
                if (!workers.awaitTermination(options.readTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                    listener.warn("some requests are still running while the loader stops");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
