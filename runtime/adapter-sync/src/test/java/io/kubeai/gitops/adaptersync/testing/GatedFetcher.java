package io.kubeai.gitops.adaptersync.testing;

import io.kubeai.gitops.adaptersync.fetch.AdapterFetcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Wraps a real fetcher, records every source it was asked for, and can hold downloads whose source contains
 * a given text until released: to observe the sidecar while an adapter is still downloading.
 */
public final class GatedFetcher implements AdapterFetcher {

    private final AdapterFetcher delegate;
    private final List<String> sources = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();

    public GatedFetcher(AdapterFetcher delegate) {
        this.delegate = delegate;
    }

    public void hold(String sourceContains) {
        gates.put(sourceContains, new CountDownLatch(1));
    }

    public void release(String sourceContains) {
        CountDownLatch gate = gates.remove(sourceContains);
        if (gate != null) {
            gate.countDown();
        }
    }

    /** Every source asked for, in order. */
    public List<String> sources() {
        return List.copyOf(sources);
    }

    @Override
    public void fetch(String source, Path dest) throws IOException, InterruptedException {
        sources.add(source);
        for (var gate : gates.entrySet()) {
            if (source.contains(gate.getKey())) {
                gate.getValue().await();
            }
        }
        delegate.fetch(source, dest);
    }
}
