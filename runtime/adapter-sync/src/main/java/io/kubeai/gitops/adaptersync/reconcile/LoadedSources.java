package io.kubeai.gitops.adaptersync.reconcile;

import io.kubeai.gitops.adaptersync.config.AdapterSpec;
import io.kubeai.gitops.adaptersync.fetch.AdapterFiles;
import io.kubeai.gitops.adaptersync.log.Log;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source URL of each adapter the engine has loaded. {@code /v1/models} says what is loaded but not
 * from which URL (only the path); the sidecar remembers what it loaded, and after its own restart reads it
 * back from the marker in the adapter's directory, so a loaded adapter is adopted instead of reloaded.
 */
final class LoadedSources {

    private final AdapterFiles files;
    private final Map<String, String> urls = new HashMap<>();

    LoadedSources(AdapterFiles files) {
        this.files = files;
    }

    /** The URL the engine's copy of {@code spec.name()} came from, or null if unknown. */
    String urlOf(AdapterSpec spec, String root) {
        String known = urls.get(spec.name());
        if (known != null) {
            return known;
        }
        String found = null;
        Path rootPath = root == null ? null : Path.of(root).toAbsolutePath().normalize();
        if (rootPath != null && rootPath.equals(files.dir(spec.name()))) {
            found = files.installedSource(spec.name());
        } else if (rootPath != null
                && AdapterFiles.localCache(spec).map(rootPath::equals).orElse(false)) {
            found = spec.url();
        }
        if (found != null) {
            urls.put(spec.name(), found);
            Log.info("adapter already loaded by the engine", "adapter", spec.name(), "path", root);
        }
        return found;
    }

    void loaded(String name, String url) {
        urls.put(name, url);
    }

    /** Forgets {@code name}; returns the URL it had, or null. */
    String unloaded(String name) {
        return urls.remove(name);
    }

    /** Names loaded here that the engine no longer lists (it restarted); they are forgotten. */
    List<String> lost(Map<String, String> served, String prefix) {
        List<String> lost = new ArrayList<>();
        for (String name : List.copyOf(urls.keySet())) {
            if (!served.containsKey(prefix + name)) {
                urls.remove(name);
                lost.add(name);
            }
        }
        return lost;
    }
}
