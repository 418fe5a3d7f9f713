package io.kubeai.gitops.loader.transfer;

import io.kubeai.gitops.loader.dest.Buffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Arrays for parts held in memory, bounded in total bytes. Arrays are reused by size; a request
 * larger than the whole budget is granted alone. Callers acquire in the order parts are dispatched,
 * so the earliest part in flight always has its buffer and ordered hashing cannot deadlock.
 */
final class BufferPool {
    private final long capacity;
    private final Map<Integer, Deque<byte[]>> free = new HashMap<>();
    private long leased;
    private long cached;

    BufferPool(long capacity) {
        this.capacity = capacity;
    }

    /** Waits for room for {@code bytes}; returns null if {@code cancelled} turns true meanwhile. */
    synchronized Buffer acquire(long bytes, BooleanSupplier cancelled) throws InterruptedException {
        int size = Math.toIntExact(bytes);
        while (leased > 0 && leased + size > capacity) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            wait(100);
        }
        byte[] array = null;
        Deque<byte[]> same = free.get(size);
        if (same != null && !same.isEmpty()) {
            array = same.pop();
            cached -= size;
        }
        if (array == null) {
            if (leased + cached + size > capacity) {
                free.clear();
                cached = 0;
            }
            array = new byte[size];
        }
        leased += size;
        return new Lease(array);
    }

    private synchronized void giveBack(byte[] array) {
        leased -= array.length;
        if (leased + cached + array.length <= capacity) {
            free.computeIfAbsent(array.length, k -> new ArrayDeque<>()).push(array);
            cached += array.length;
        }
        notifyAll();
    }

    private final class Lease implements Buffer {
        private byte[] array;

        Lease(byte[] array) {
            this.array = array;
        }

        @Override
        public synchronized byte[] array() {
            if (array == null) {
                throw new IllegalStateException("buffer used after release");
            }
            return array;
        }

        @Override
        public void release() {
            byte[] a;
            synchronized (this) {
                a = array;
                array = null;
            }
            if (a != null) {
                giveBack(a);
            }
        }
    }
}
