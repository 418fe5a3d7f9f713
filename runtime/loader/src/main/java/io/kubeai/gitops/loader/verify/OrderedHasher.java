package io.kubeai.gitops.loader.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hashes a file's bytes in file order while its parts complete in any order.
 *
 * <p>Two ways in. The worker fetching the part at the hash position feeds its bytes as they arrive
 * ({@link #tryInline}), so they are hashed while still in its buffer. A part that completes ahead
 * of the position is {@link #offer}ed as a region and hashed later, by whichever worker then finds it
 * contiguous: no thread of its own, and no part's bytes held longer than needed.
 */
public final class OrderedHasher {
    /** Bytes of one completed region, fed to the digests when their turn comes. */
    public interface Region {
        long start();

        long end();

        /** Feeds bytes {@code [from, end())} of the region; {@code from} may lie inside it. */
        void feed(Digests digests, long from) throws IOException;

        /** Called once the region is hashed (or abandoned): frees its buffer, if it has one. */
        default void release() {}
    }

    private final Digests digests;
    private final long size;
    private final TreeMap<Long, Region> pending = new TreeMap<>();
    private long position;
    private boolean hashing;
    private IOException failure;

    public OrderedHasher(Digests digests, long size) {
        this.digests = digests;
        this.size = size;
    }

    /**
     * Hashes the buffer's remaining bytes, found at file offset {@code offset}, right away if they are
     * next in file order and no other thread is hashing; returns whether it did. The buffer's position
     * does not move.
     */
    public boolean tryInline(long offset, ByteBuffer bytes) {
        int len = bytes.remaining();
        synchronized (this) {
            if (hashing || failure != null || position != offset) {
                return false;
            }
            hashing = true;
        }
        try {
            digests.update(bytes.duplicate());
        } finally {
            synchronized (this) {
                position += len;
                hashing = false;
                notifyAll();
            }
        }
        return true;
    }

    /** Adds a completed region without hashing now (a part an earlier run finished). */
    public synchronized void add(Region region) {
        pending.put(region.start(), region);
    }

    /** Adds a completed region and hashes what is contiguous, unless another thread is on it. */
    public void offer(Region region) throws IOException {
        add(region);
        drain();
    }

    /** Hashes every contiguous region; returns at once if another thread is hashing. */
    public void drain() throws IOException {
        while (true) {
            Region next;
            long from;
            synchronized (this) {
                if (failure != null) {
                    throw failure;
                }
                if (hashing) {
                    return;
                }
                // Regions hashed inline to their end are done; they sit at the head of the map.
                Map.Entry<Long, Region> first;
                while ((first = pending.firstEntry()) != null
                        && first.getValue().end() <= position) {
                    pending.remove(first.getKey()).release();
                }
                Map.Entry<Long, Region> e = pending.floorEntry(position);
                if (e == null) {
                    notifyAll();
                    return;
                }
                next = e.getValue();
                pending.remove(e.getKey());
                from = position;
                hashing = true;
            }
            try {
                next.feed(digests, from);
            } catch (IOException e) {
                synchronized (this) {
                    failure = e;
                    hashing = false;
                    notifyAll();
                }
                throw e;
            } finally {
                next.release();
            }
            synchronized (this) {
                position = next.end();
                hashing = false;
                notifyAll();
            }
        }
    }

    /** Hashes what is left, waiting for another thread that is hashing; then finishes the digests. */
    public Digests.Outcome finish() throws IOException {
        while (true) {
            drain();
            synchronized (this) {
                if (failure != null) {
                    throw failure;
                }
                if (position >= size) {
                    break;
                }
                if (hashing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while hashing", e);
                    }
                } else if (pending.floorEntry(position) == null) {
                    throw new IllegalStateException("bytes from " + position + " of " + size + " were never completed");
                }
            }
        }
        return digests.finish();
    }

    /** Frees the buffers of regions that will never be hashed. */
    public synchronized void abandon() {
        pending.values().forEach(Region::release);
        pending.clear();
    }
}
