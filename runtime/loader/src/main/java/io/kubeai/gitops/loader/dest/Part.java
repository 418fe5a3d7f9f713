package io.kubeai.gitops.loader.dest;

import java.util.ArrayList;
import java.util.List;

/** Bytes {@code [start, end)} of a file, fetched with one ranged request. */
public record Part(int index, long start, long end) {
    public long length() {
        return end - start;
    }

    /** Splits {@code size} bytes into parts of {@code partSize} (the last one shorter). */
    public static List<Part> split(long size, long partSize) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        for (long start = 0; start < size; start += partSize) {
            parts.add(new Part(i++, start, Math.min(size, start + partSize)));
        }
        return parts;
    }
}
