package io.kubeai.gitops.spec;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Immutable maps in key order. {@code Map.copyOf} iterates in an order that changes from one JVM run to
 * the next, which would leak into rendered output and names derived from it.
 */
public final class SortedMaps {
    private SortedMaps() {}

    public static <V> Map<String, V> copyOf(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
